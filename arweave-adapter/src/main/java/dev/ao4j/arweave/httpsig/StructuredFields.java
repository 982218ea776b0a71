package dev.ao4j.arweave.httpsig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that RFC 9421 signatures use: a Dictionary whose members are Items
 * or Inner Lists, with Parameters. Each member keeps the exact text it was parsed from, because a signature base
 * repeats {@code Signature-Input}'s member verbatim as {@code @signature-params}. Strict: anything else is an error.
 */
final class StructuredFields {
    /** Bounds what an anonymous caller can make the parser build. */
    static final int MAX_MEMBERS = 8;
    static final int MAX_INNER_ITEMS = 64;

    /** A bare item with its parameters. Values: String (sf-string or token), Long, BigDecimal, Boolean, byte[]. */
    record Item(Object value, Map<String, Object> params) {}

    /** A dictionary member: an {@link Item} or an inner list of them, its parameters, and its source text. */
    record Member(Item item, List<Item> innerList, Map<String, Object> params, String text) {}

    private final String input;
    private int at;

    private StructuredFields(String input) {
        this.input = input;
    }

    static Map<String, Member> dictionary(String field) {
        StructuredFields parser = new StructuredFields(field);
        Map<String, Member> members = new LinkedHashMap<>();
        parser.skipSpaces();
        while (!parser.atEnd()) {
            String key = parser.key();
            int start = parser.at;
            Member member;
            if (parser.peek() == '=') {
                parser.at++;
                start = parser.at;
                member = parser.member(start);
            } else {
                Map<String, Object> params = parser.params();
                member = new Member(new Item(Boolean.TRUE, params), null, params, parser.input.substring(start, parser.at));
            }
            members.put(key, member);
            if (members.size() > MAX_MEMBERS) {
                throw new HttpSigException("more than " + MAX_MEMBERS + " members in a signature field");
            }
            parser.skipOptionalWhitespace();
            if (parser.atEnd()) {
                break;
            }
            parser.expect(',');
            parser.skipOptionalWhitespace();
            if (parser.atEnd()) {
                throw parser.error("a trailing comma");
            }
        }
        return members;
    }

    private Member member(int start) {
        if (peek() == '(') {
            List<Item> items = innerList();
            Map<String, Object> params = params();
            return new Member(null, items, params, input.substring(start, at));
        }
        Item item = item();
        return new Member(item, null, item.params(), input.substring(start, at));
    }

    private List<Item> innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek() == ')') {
                at++;
                return items;
            }
            items.add(item());
            if (items.size() > MAX_INNER_ITEMS) {
                throw new HttpSigException("more than " + MAX_INNER_ITEMS + " covered components");
            }
            char next = peek();
            if (next != ' ' && next != ')') {
                throw error("a space or ')' between inner list items");
            }
        }
    }

    private Item item() {
        Object value = bareItem();
        return new Item(value, params());
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        while (peek() == ';') {
            at++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                at++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return params;
    }

    private Object bareItem() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            at++;
            char b = next();
            if (b != '0' && b != '1') {
                throw error("?0 or ?1");
            }
            return b == '1';
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (c == '*' || Character.isLetter(c)) {
            return token();
        }
        throw error("an item");
    }

    private String string() {
        expect('"');
        StringBuilder text = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '\\') {
                char escaped = next();
                if (escaped != '"' && escaped != '\\') {
                    throw error("only \\\" and \\\\ escapes in a string");
                }
                text.append(escaped);
            } else if (c == '"') {
                return text.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw error("visible ASCII in a string");
            } else {
                text.append(c);
            }
        }
    }

    private byte[] byteSequence() {
        expect(':');
        int end = input.indexOf(':', at);
        if (end < 0) {
            throw error("the closing ':' of a byte sequence");
        }
        String base64 = input.substring(at, end);
        at = end + 1;
        try {
            // RFC 8941 says base64; @permaweb/ao-core-libs 0.0.9 writes content-digest in base64url.
            return Base64.getMimeDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new HttpSigException("a byte sequence that is not base64: " + e.getMessage());
        }
    }

    private Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
            at++;
        }
        String text = input.substring(start, at);
        if (text.length() > 20 || text.equals("-")) {
            throw error("a number of at most 15 digits");
        }
        try {
            return text.contains(".") ? new BigDecimal(text) : (Object) Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("a number");
        }
    }

    private String token() {
        int start = at;
        while (!atEnd() && tokenChar(peek())) {
            at++;
        }
        return input.substring(start, at);
    }

    private static boolean tokenChar(char c) {
        return c > 0x20 && c < 0x7f && "\"(),;<=>?@[\\]{}".indexOf(c) < 0 || c == ':' || c == '/';
    }

    private String key() {
        int start = at;
        char first = peek();
        if (!(first == '*' || (first >= 'a' && first <= 'z'))) {
            throw error("a key (lowercase letter or '*')");
        }
        while (!atEnd()) {
            char c = peek();
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                at++;
            } else {
                break;
            }
        }
        return input.substring(start, at);
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            at++;
        }
    }

    private void skipOptionalWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            at++;
        }
    }

    private boolean atEnd() {
        return at >= input.length();
    }

    private char peek() {
        return atEnd() ? '\0' : input.charAt(at);
    }

    private char next() {
        if (atEnd()) {
            throw error("more text");
        }
        return input.charAt(at++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        at++;
    }

    private HttpSigException error(String expected) {
        return new HttpSigException("malformed structured field at character " + at + ": expected " + expected);
    }
}
