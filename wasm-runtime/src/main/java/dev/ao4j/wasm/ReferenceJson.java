package dev.ao4j.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON value exactly as ECMAScript's {@code JSON.stringify} does, which is how the reference loader
 * hands the msg and env objects to the module's {@code handle}.
 *
 * <p>Why exact bytes matter: the strings are placed on the module's stack and stay in its linear memory after
 * the call, and their lengths move the stack pointer while aos creates its Lua state, whose string-hash seed
 * mixes in stack and heap addresses. A different escape ({@code \u001B} for {@code \u001b}) or number form
 * ({@code 1.0} for {@code 1}) therefore changes the memory and the order of {@code pairs}. No JSON library
 * for Java promises JSON.stringify's output, so this small writer does; {@link ReferenceJsonTest} checks it
 * against node.
 */
public final class ReferenceJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ReferenceJson() {}

    public static String stringify(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isMissingNode()) {
                        continue; // undefined: JSON.stringify leaves the key out
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    write(field.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(value.textValue(), out);
            case NUMBER -> number(value, out);
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL, MISSING -> out.append("null");
            case BINARY, POJO -> string(value.asText(), out);
        }
    }

    /** QuoteJSONString of ECMA-262 (well-formed JSON.stringify: lone surrogates are escaped). */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /**
     * The shortest decimal that reads back as {@code d}, the closest such if several. Double.toString (JDK 19+)
     * gives that, except that it never gives a single digit: where one digit is enough (4.9E-324 for 5e-324)
     * the one-digit rounding is taken.
     */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (shortest.precision() == 2) {
            BigDecimal oneDigit = shortest.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == d) {
                return oneDigit.stripTrailingZeros();
            }
        }
        return shortest;
    }

    /** Number::toString of ECMA-262 for the double the value denotes (JSON numbers are doubles in JS). */
    private static void number(JsonNode value, StringBuilder out) {
        double d = value.isIntegralNumber() && value.canConvertToLong() ? (double) value.longValue() : value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
            return;
        }
        if (d == 0) {
            out.append('0'); // also -0
            return;
        }
        if (d < 0) {
            out.append('-');
            d = -d;
        }
        BigDecimal shortest = shortestDigits(d);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // d = 0.digits × 10^n
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
    }
}
