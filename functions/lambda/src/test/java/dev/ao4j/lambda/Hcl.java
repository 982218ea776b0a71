package dev.ao4j.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A parser for the subset of HCL that infra-terraform uses: blocks with labels, attributes, strings with
 * {@code ${...}} templates (kept as text), numbers, booleans, lists, objects, function calls, traversals and
 * for-expressions and operators (kept as raw text). Refuses heredocs and anything else it does not know, so a
 * construct outside the subset fails the drift test instead of being skipped.
 */
final class Hcl {
    sealed interface Expr permits Str, Num, Bool, Null, Ref, ListExpr, ObjectExpr, Call, Raw {}

    /** A quoted string; {@code template} is the text between the quotes, escapes undone, {@code ${}} kept. */
    record Str(String template) implements Expr {}

    record Num(String text) implements Expr {}

    record Bool(boolean value) implements Expr {}

    record Null() implements Expr {}

    /** A traversal such as {@code var.region}, {@code aws_lambda_alias.live["crank"].arn}. */
    record Ref(String path) implements Expr {}

    record ListExpr(List<Expr> items) implements Expr {}

    record ObjectExpr(Map<String, Expr> entries) implements Expr {}

    record Call(String name, List<Expr> args) implements Expr {}

    /** An expression kept as source text (operators, conditionals, for-expressions). */
    record Raw(String text) implements Expr {}

    record Block(String type, List<String> labels, Map<String, Expr> attributes, List<Block> blocks) {
        List<Block> blocks(String blockType) {
            return blocks.stream().filter(b -> b.type.equals(blockType)).toList();
        }

        Optional<Block> block(String blockType) {
            return blocks(blockType).stream().findFirst();
        }

        Expr attribute(String name) {
            Expr value = attributes.get(name);
            if (value == null) {
                throw new IllegalArgumentException(type + " " + labels + " has no attribute " + name);
            }
            return value;
        }
    }

    private Hcl() {}

    /** Every *.tf file of a directory as one body (Terraform's view of a module). */
    static Block parseModule(Path dir) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Map<String, Expr> attributes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                Block body = parse(Files.readString(file), file.getFileName().toString());
                blocks.addAll(body.blocks());
                attributes.putAll(body.attributes());
            }
        }
        return new Block("module", List.of(dir.toString()), attributes, blocks);
    }

    static Block parse(String source, String name) {
        Parser parser = new Parser(new Lexer(source, name).tokens(), name);
        Block body = parser.body("file", List.of(name), true);
        return body;
    }

    // ----------------------------------------------------------------------------------------------------------

    private enum Kind { IDENT, STRING, NUMBER, PUNCT, NEWLINE, EOF }

    private record Token(Kind kind, String text, int line) {}

    private static final class Lexer {
        private final String s;
        private final String name;
        private int i;
        private int line = 1;
        private final List<Token> out = new ArrayList<>();

        Lexer(String source, String name) {
            this.s = source;
            this.name = name;
        }

        List<Token> tokens() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    out.add(new Token(Kind.NEWLINE, "\n", line++));
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '#' || s.startsWith("//", i)) {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw error("unterminated comment");
                    }
                    line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                    i = end + 2;
                } else if (s.startsWith("<<", i)) {
                    throw error("heredocs are outside the supported subset");
                } else if (c == '"') {
                    out.add(new Token(Kind.STRING, string(), line));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) {
                        i++;
                    }
                    out.add(new Token(Kind.IDENT, s.substring(start, i), line));
                } else if (Character.isDigit(c)) {
                    int start = i;
                    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        i++;
                    }
                    out.add(new Token(Kind.NUMBER, s.substring(start, i), line));
                } else {
                    String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                    if (List.of("==", "!=", "<=", ">=", "&&", "||", "=>", "...").stream().anyMatch(op -> s.startsWith(op, i))) {
                        String op = s.startsWith("...", i) ? "..." : two;
                        out.add(new Token(Kind.PUNCT, op, line));
                        i += op.length();
                    } else if ("{}[]()=,.:?+-*/%<>!".indexOf(c) >= 0) {
                        out.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                        i++;
                    } else {
                        throw error("unexpected character '" + c + "'");
                    }
                }
            }
            out.add(new Token(Kind.EOF, "", line));
            return out;
        }

        /** A quoted string; template sequences are copied with their nesting (quotes inside ${} included). */
        private String string() {
            StringBuilder text = new StringBuilder();
            i++;
            int depth = 0;
            while (true) {
                if (i >= s.length() || s.charAt(i) == '\n') {
                    throw error("unterminated string");
                }
                char c = s.charAt(i);
                if (depth == 0 && c == '"') {
                    i++;
                    return text.toString();
                }
                if (c == '\\' && depth == 0) {
                    char e = s.charAt(i + 1);
                    text.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case '"' -> '"';
                        case '\\' -> '\\';
                        default -> throw error("unsupported escape \\" + e);
                    });
                    i += 2;
                    continue;
                }
                if (s.startsWith("${", i) || s.startsWith("%{", i)) {
                    depth++;
                    text.append(s, i, i + 2);
                    i += 2;
                    continue;
                }
                if (depth > 0 && c == '{') {
                    depth++;
                } else if (depth > 0 && c == '}') {
                    depth--;
                }
                text.append(c);
                i++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(name + ":" + line + ": " + message);
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private final String name;
        private int p;

        Parser(List<Token> tokens, String name) {
            this.tokens = tokens;
            this.name = name;
        }

        Block body(String type, List<String> labels, boolean topLevel) {
            Map<String, Expr> attributes = new LinkedHashMap<>();
            List<Block> blocks = new ArrayList<>();
            while (true) {
                skipNewlines();
                Token t = peek();
                if (topLevel ? t.kind == Kind.EOF : t.text.equals("}") && t.kind == Kind.PUNCT) {
                    if (!topLevel) {
                        p++;
                    }
                    return new Block(type, labels, attributes, blocks);
                }
                Token id = expect(Kind.IDENT);
                if (peek().text.equals("=") && peek().kind == Kind.PUNCT) {
                    p++;
                    if (attributes.put(id.text, expression(false)) != null) {
                        throw error(id, "attribute " + id.text + " set twice");
                    }
                    Token end = next();
                    if (end.kind != Kind.NEWLINE && end.kind != Kind.EOF) {
                        throw error(end, "expected the end of the line after " + id.text);
                    }
                } else {
                    List<String> blockLabels = new ArrayList<>();
                    while (peek().kind == Kind.STRING || peek().kind == Kind.IDENT) {
                        blockLabels.add(next().text);
                    }
                    expectPunct("{");
                    blocks.add(body(id.text, List.copyOf(blockLabels), false));
                }
            }
        }

        /** An expression; inside brackets newlines are insignificant. */
        Expr expression(boolean nested) {
            int start = p;
            Expr first = operand(nested);
            if (isOperator(peek())) {
                // Operators and conditionals: kept as raw source up to the end of the expression.
                int depth = 0;
                while (true) {
                    Token t = peek();
                    if (t.kind == Kind.EOF) {
                        break;
                    }
                    if (depth == 0 && (t.kind == Kind.NEWLINE && !nested
                            || t.kind == Kind.PUNCT && (t.text.equals(",") || t.text.equals("]") || t.text.equals(")") || t.text.equals("}")))) {
                        break;
                    }
                    if (t.kind == Kind.PUNCT && "([{".contains(t.text)) {
                        depth++;
                    } else if (t.kind == Kind.PUNCT && ")]}".contains(t.text)) {
                        depth--;
                    }
                    p++;
                }
                return new Raw(source(start, p));
            }
            return first;
        }

        private boolean isOperator(Token t) {
            return t.kind == Kind.PUNCT && List.of("+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "?").contains(t.text);
        }

        private Expr operand(boolean nested) {
            if (nested) {
                skipNewlines();
            }
            Token t = next();
            Expr base = switch (t.kind) {
                case STRING -> new Str(t.text);
                case NUMBER -> new Num(t.text);
                case IDENT -> switch (t.text) {
                    case "true" -> new Bool(true);
                    case "false" -> new Bool(false);
                    case "null" -> new Null();
                    default -> peek().text.equals("(") && peek().kind == Kind.PUNCT ? call(t.text) : new Ref(t.text);
                };
                case PUNCT -> switch (t.text) {
                    case "[" -> list();
                    case "{" -> object();
                    case "(" -> {
                        Expr inner = expression(true);
                        skipNewlines();
                        expectPunct(")");
                        yield inner;
                    }
                    case "!", "-" -> operand(nested);
                    default -> throw error(t, "unexpected '" + t.text + "'");
                };
                default -> throw error(t, "unexpected " + t.kind);
            };
            return postfix(base);
        }

        private Expr postfix(Expr base) {
            StringBuilder path = base instanceof Ref ref ? new StringBuilder(ref.path()) : null;
            while (peek().kind == Kind.PUNCT && (peek().text.equals(".") || peek().text.equals("["))) {
                Token t = next();
                String part;
                if (t.text.equals(".")) {
                    Token attr = next();
                    part = "." + attr.text;
                } else {
                    Expr index = expression(true);
                    skipNewlines();
                    expectPunct("]");
                    part = "[" + (index instanceof Str s ? "\"" + s.template() + "\"" : index instanceof Num n ? n.text() : index instanceof Ref r ? r.path() : "*") + "]";
                }
                if (path == null) {
                    path = new StringBuilder("(expr)");
                }
                path.append(part);
            }
            return path == null || base instanceof Ref ref && ref.path().contentEquals(path) ? base : new Ref(path.toString());
        }

        private Expr call(String function) {
            expectPunct("(");
            List<Expr> args = new ArrayList<>();
            while (true) {
                skipNewlines();
                if (peekPunct(")")) {
                    p++;
                    return new Call(function, args);
                }
                args.add(expression(true));
                skipNewlines();
                if (peekPunct(",")) {
                    p++;
                }
            }
        }

        private Expr list() {
            int start = p - 1;
            skipNewlines();
            if (peek().kind == Kind.IDENT && peek().text.equals("for")) {
                return raw(start, "[", "]");
            }
            List<Expr> items = new ArrayList<>();
            while (true) {
                skipNewlines();
                if (peekPunct("]")) {
                    p++;
                    return new ListExpr(items);
                }
                items.add(expression(true));
                skipNewlines();
                if (peekPunct(",")) {
                    p++;
                }
            }
        }

        private Expr object() {
            int start = p - 1;
            skipNewlines();
            if (peek().kind == Kind.IDENT && peek().text.equals("for")) {
                return raw(start, "{", "}");
            }
            Map<String, Expr> entries = new LinkedHashMap<>();
            while (true) {
                skipNewlines();
                if (peekPunct("}")) {
                    p++;
                    return new ObjectExpr(entries);
                }
                Token key = next();
                if (key.kind != Kind.IDENT && key.kind != Kind.STRING) {
                    throw error(key, "object keys must be names or strings");
                }
                Token eq = next();
                if (!(eq.kind == Kind.PUNCT && (eq.text.equals("=") || eq.text.equals(":")))) {
                    throw error(eq, "expected = after the key " + key.text);
                }
                entries.put(key.text, expression(true));
                skipNewlines();
                if (peekPunct(",")) {
                    p++;
                }
            }
        }

        /** Skips to the bracket closing the one at {@code start}; the text is kept raw. */
        private Expr raw(int start, String open, String close) {
            int depth = 1;
            while (depth > 0) {
                Token t = next();
                if (t.kind == Kind.EOF) {
                    throw error(t, "unclosed " + open);
                }
                if (t.kind == Kind.PUNCT && "([{".contains(t.text)) {
                    depth++;
                } else if (t.kind == Kind.PUNCT && ")]}".contains(t.text)) {
                    depth--;
                }
            }
            return new Raw(source(start, p));
        }

        private String source(int from, int to) {
            StringBuilder text = new StringBuilder();
            for (int k = from; k < to; k++) {
                Token t = tokens.get(k);
                if (t.kind == Kind.NEWLINE) {
                    continue;
                }
                text.append(t.kind == Kind.STRING ? "\"" + t.text + "\"" : t.text).append(' ');
            }
            return text.toString().trim();
        }

        private void skipNewlines() {
            while (peek().kind == Kind.NEWLINE) {
                p++;
            }
        }

        private boolean peekPunct(String text) {
            return peek().kind == Kind.PUNCT && peek().text.equals(text);
        }

        private Token peek() {
            return tokens.get(p);
        }

        private Token next() {
            return tokens.get(p++);
        }

        private Token expect(Kind kind) {
            Token t = next();
            if (t.kind != kind) {
                throw error(t, "expected " + kind + ", found '" + t.text.trim() + "'");
            }
            return t;
        }

        private void expectPunct(String text) {
            Token t = next();
            if (t.kind != Kind.PUNCT || !t.text.equals(text)) {
                throw error(t, "expected '" + text + "', found '" + t.text.trim() + "'");
            }
        }

        private IllegalArgumentException error(Token t, String message) {
            return new IllegalArgumentException(name + ":" + t.line + ": " + message);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([a-z_.A-Z0-9]+)}");

    /**
     * Evaluates what the drift test needs: strings (templates whose {@code ${var.x}} / {@code ${local.x}} resolve),
     * {@code var.x} to its default and {@code local.x} to its value. Empty when something does not resolve.
     */
    record Module(Block body) {
        Map<String, Expr> locals() {
            Map<String, Expr> all = new LinkedHashMap<>();
            body.blocks("locals").forEach(b -> all.putAll(b.attributes()));
            return all;
        }

        Block resource(String type, String name) {
            return body.blocks("resource").stream().filter(b -> b.labels().equals(List.of(type, name))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no resource " + type + "." + name));
        }

        Block variable(String name) {
            return body.blocks("variable").stream().filter(b -> b.labels().equals(List.of(name))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no variable " + name));
        }

        Expr resolve(Expr expr) {
            if (expr instanceof Ref ref) {
                if (ref.path().startsWith("local.") && !ref.path().substring(6).contains(".") && !ref.path().contains("[")) {
                    Expr value = locals().get(ref.path().substring(6));
                    return value == null ? expr : resolve(value);
                }
                if (ref.path().startsWith("var.") && !ref.path().substring(4).contains(".") && !ref.path().contains("[")) {
                    return Optional.ofNullable(variable(ref.path().substring(4)).attributes().get("default"))
                            .map(this::resolve).orElse(expr);
                }
            }
            return expr;
        }

        Optional<String> string(Expr expr) {
            Expr value = resolve(expr);
            if (value instanceof Str str) {
                Matcher m = INTERPOLATION.matcher(str.template());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    Optional<String> part = string(new Ref(m.group(1)));
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(part.get()));
                }
                m.appendTail(out);
                String result = out.toString();
                return result.contains("${") ? Optional.empty() : Optional.of(result);
            }
            if (value instanceof Num num) {
                return Optional.of(num.text());
            }
            if (value instanceof Bool bool) {
                return Optional.of(String.valueOf(bool.value()));
            }
            if (value instanceof Call(String function, List<Expr> args) && function.equals("join") && args.size() == 2
                    && resolve(args.get(1)) instanceof ListExpr(List<Expr> items)) {
                Optional<String> separator = string(args.get(0));
                List<Optional<String>> parts = items.stream().map(this::string).toList();
                if (separator.isEmpty() || parts.stream().anyMatch(Optional::isEmpty)) {
                    return Optional.empty();
                }
                return Optional.of(String.join(separator.get(), parts.stream().map(Optional::get).toList()));
            }
            return Optional.empty();
        }

        ObjectExpr object(Expr expr) {
            if (resolve(expr) instanceof ObjectExpr object) {
                return object;
            }
            throw new IllegalArgumentException("not an object: " + expr);
        }
    }
}
