package dev.ao4j.wasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generated, reproducible corpus of aos programs (one seed, one corpus) aimed at what makes two runtimes'
 * memories drift apart: table traversal order over tables of every size, growth and rehash, string hashing of
 * short and long strings, the clock and random functions, number formatting, json, errors, coroutines, the
 * garbage collector, large data, deep recursion, utf8, outbox tags built from tables, cron messages and
 * assignments. Programs also leave state behind (a global table that grows across messages), so a difference
 * that a single output hides still shows in the memory of the messages after it.
 *
 * <p>Up to {@link #PER_EVAL} consecutive Eval programs share one Eval message, each in its own function under
 * {@code pcall}: every program still runs and shows in the output and the memory, and the whole memory is
 * hashed once per message instead of once per program. Programs meant to fail the message (an uncaught error)
 * and the non-Eval kinds are messages of their own.
 */
final class LuaCorpus {
    /** Handlers the programs rely on, installed once after the spawn. */
    static final String SETUP = """
            Corpus = {}
            Handlers.add('corpus-size', Handlers.utils.hasMatchingTag('Action', 'Size'), function(msg)
              Corpus.lastSize = #msg.Data
              print('size ' .. #msg.Data)
            end)
            Handlers.add('corpus-cron', Handlers.utils.hasMatchingTag('Action', 'Cron'), function(msg)
              Corpus.crons = (Corpus.crons or 0) + 1
              local seen = {}
              for k in pairs(msg) do seen[#seen + 1] = tostring(k) end
              print('cron ' .. Corpus.crons .. ' ' .. table.concat(seen, ','))
            end)
            Handlers.add('corpus-echo', Handlers.utils.hasMatchingTag('Action', 'Echo'), function(msg)
              local tags = {}
              for k, v in pairs(msg.Tags) do tags[#tags + 1] = k .. '=' .. v end
              ao.send({ Target = msg.From, Data = table.concat(tags, ';'), Tags = msg.Tags })
            end)
            return 'corpus ready'
            """;

    private final Random random;
    private final List<Function<Random, Program>> kinds = List.of(
            LuaCorpus::pairsOrder, LuaCorpus::deleteWhileTraversing, LuaCorpus::rehash, LuaCorpus::stringKeys,
            LuaCorpus::randomNumbers, LuaCorpus::clock, LuaCorpus::formats, LuaCorpus::json, LuaCorpus::errors,
            LuaCorpus::coroutines, LuaCorpus::garbage, LuaCorpus::recursion, LuaCorpus::utf8, LuaCorpus::outboxTags,
            LuaCorpus::growingGlobal, LuaCorpus::patterns, LuaCorpus::assignments, LuaCorpus::largeData,
            LuaCorpus::cron, LuaCorpus::echo);

    LuaCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** One program: an Eval, a plain message with tags and data, or a cron message. */
    sealed interface Program permits Eval, Message, Cron {}

    /** @param alone the program must be its own message (it fails the message on purpose) */
    record Eval(String lua, boolean alone) implements Program {
        Eval(String lua) {
            this(lua, false);
        }
    }

    static final int PER_EVAL = 10;

    record Message(String data, List<String> tagPairs) implements Program {}

    record Cron(List<String> tagPairs) implements Program {}

    List<Program> programs(int count) {
        List<Program> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(kinds.get(i % kinds.size()).apply(random));
        }
        return out;
    }

    /** Adds the setup and {@code count} programs to a scenario that has its spawn message. */
    AosScenario appendTo(AosScenario scenario, int count) {
        scenario.eval(SETUP);
        List<String> batch = new ArrayList<>();
        for (Program program : programs(count)) {
            if (program instanceof Eval e && !e.alone()) {
                batch.add(e.lua());
                if (batch.size() == PER_EVAL) {
                    flush(scenario, batch);
                }
                continue;
            }
            flush(scenario, batch);
            switch (program) {
                case Eval e -> scenario.eval(e.lua());
                case Message m -> scenario.message(AosScenario.USER, m.data(), m.tagPairs().toArray(String[]::new));
                case Cron c -> scenario.cron(c.tagPairs().toArray(String[]::new));
            }
        }
        flush(scenario, batch);
        return scenario;
    }

    private static void flush(AosScenario scenario, List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder lua = new StringBuilder("local programs = {\n");
        for (String program : batch) {
            lua.append("function()\n").append(program).append("\nend,\n");
        }
        lua.append("}\nlocal out = {}\n")
                .append("for i, program in ipairs(programs) do\n")
                .append("  local ok, value = pcall(program)\n")
                .append("  out[#out + 1] = i .. ' ' .. tostring(ok) .. ' ' .. tostring(value)\n")
                .append("end\n")
                .append("return table.concat(out, '\\n')");
        scenario.eval(lua.toString());
        batch.clear();
    }

    private static String keyExpression(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "'k' .. i";
            case 1 -> "i * " + (1 + r.nextInt(7));
            case 2 -> "string.rep('x', " + (30 + r.nextInt(60)) + ") .. i";
            case 3 -> "i + 0.5";
            case 4 -> "(i % 2 == 0) and ('s' .. i) or i";
            default -> "string.char(65 + i % 26) .. i";
        };
    }

    private static Program pairsOrder(Random r) {
        int n = sizeOfEveryKind(r);
        return new Eval("""
                local t = {}
                for i = 1, %d do t[%s] = i end
                local s = {}
                for k, v in pairs(t) do s[#s + 1] = tostring(k) .. ':' .. v end
                return #s .. ' ' .. table.concat(s, ',')""".formatted(n, keyExpression(r)));
    }

    /** 0, 1, powers of two and their neighbours (where the hash part resizes), and anything up to 600. */
    private static int sizeOfEveryKind(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.nextInt(9);
            case 1 -> {
                int p = 1 << (1 + r.nextInt(9));
                yield p - 1 + r.nextInt(3);
            }
            default -> r.nextInt(601);
        };
    }

    private static Program deleteWhileTraversing(Random r) {
        int n = sizeOfEveryKind(r) + 1;
        int every = 2 + r.nextInt(4);
        return new Eval("""
                local t = {}
                for i = 1, %d do t[%s] = i end
                local kept = {}
                for k, v in pairs(t) do
                  if v %% %d == 0 then t[k] = nil else kept[#kept + 1] = tostring(k) end
                end
                local again = {}
                for k in next, t do again[#again + 1] = tostring(k) end
                return table.concat(kept, ',') .. '|' .. table.concat(again, ',')""".formatted(n, keyExpression(r), every));
    }

    private static Program rehash(Random r) {
        int grow = sizeOfEveryKind(r) + 1;
        int shrink = r.nextInt(grow);
        int regrow = r.nextInt(200);
        return new Eval("""
                local t = {}
                for i = 1, %d do t['a' .. i] = i; t[i] = i end
                for i = 1, %d do t['a' .. i] = nil; table.remove(t) end
                for i = 1, %d do t['b' .. i] = i; table.insert(t, 1, i) end
                local s = {}
                for k in pairs(t) do s[#s + 1] = tostring(k) end
                return #t .. ' ' .. table.concat(s, ',')""".formatted(grow, shrink, regrow));
    }

    private static Program stringKeys(Random r) {
        int n = 1 + r.nextInt(120);
        int maxLength = r.nextBoolean() ? 8 : 300;
        long salt = r.nextLong();
        return new Eval("""
                local t, seed = {}, %d
                for i = 1, %d do
                  local len = 1 + (i * 7919 + seed) %% %d
                  local key = string.rep(string.char(97 + i %% 26), len) .. string.format('%%x', (seed + i) %% 65536)
                  t[key] = len
                end
                local s = {}
                for k, v in pairs(t) do s[#s + 1] = string.sub(k, 1, 3) .. v end
                return table.concat(s, ',')""".formatted(Math.floorMod(salt, 1_000_003L), n, maxLength));
    }

    private static Program randomNumbers(Random r) {
        int seed = r.nextInt(100_000);
        return new Eval("""
                local a, b, c = math.random(), math.random(1, 100), math.random(%d)
                math.randomseed(%d)
                local d, e = math.random(), math.random(1, 6)
                return string.format('%%.17g %%d %%d %%.17g %%d', a, b, c, d, e)""".formatted(1 + r.nextInt(1000), seed));
    }

    private static Program clock(Random r) {
        return new Eval("""
                local t = os.time()
                local c = os.clock()
                return t .. ' ' .. string.format('%%.6f', c) .. ' ' .. os.date('%s', %d) .. ' ' .. os.date('!%%c', t)"""
                .formatted(r.nextBoolean() ? "%Y-%m-%d %H:%M:%S" : "%j %A %B %p", r.nextInt(2_000_000_000)));
    }

    private static Program formats(Random r) {
        double a = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
        double b = r.nextDouble() * 1000;
        long c = r.nextLong() >> r.nextInt(60);
        return new Eval("""
                local a, b, c = %s, %s, %d
                return string.format('%%g|%%.14g|%%5.2f|%%e|%%d|%%x|%%q|%%10.3s|%%-8d|', a, a, b, b, c, c, 'q"\\n', 'abcdef', c %% 1000)
                  .. tostring(a) .. '|' .. tostring(b / 3) .. '|' .. tostring(c // 7) .. '|' .. (1e15 + 0.5) .. '|' .. 2^53"""
                .formatted(Double.toString(a), Double.toString(b), c));
    }

    private static Program json(Random r) {
        int n = r.nextInt(40);
        return new Eval("""
                local json = require('json')
                local t = { list = {}, map = {}, flag = %s, num = %s }
                for i = 1, %d do t.list[i] = i * 1.5; t.map['f' .. i] = { i, 'v' .. i, i %% 3 == 0 } end
                local text = json.encode(t)
                local back = json.decode(text)
                return text .. '|' .. json.encode(back.map) .. '|' .. #back.list"""
                .formatted(r.nextBoolean(), Double.toString(r.nextDouble() * 1e6), n));
    }

    private static Program errors(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new Eval("""
                    local ok, err = pcall(error, { code = %d })
                    local ok2, err2 = pcall(function() local x = nil; return x.field end)
                    local ok3, tb = xpcall(function() error('deep ' .. %d) end, debug.traceback)
                    return tostring(ok) .. err.code .. tostring(ok2) .. err2 .. tostring(ok3) .. string.sub(tb, 1, 80)"""
                    .formatted(r.nextInt(1000), r.nextInt(1000)));
            case 1 -> new Eval("error('uncaught " + r.nextInt(1000) + "')", true);
            case 2 -> new Eval("local t = setmetatable({}, { __index = function(_, k) error('no ' .. k) end })\n"
                    + "return select(2, pcall(function() return t.missing end))");
            default -> new Eval("Corpus.partial = " + r.nextInt(100) + "\nerror({ reason = 'after a change' })", true);
        };
    }

    private static Program coroutines(Random r) {
        int n = 1 + r.nextInt(50);
        return new Eval("""
                local gen = coroutine.wrap(function() for i = 1, %d do coroutine.yield(i * i) end return 'done' end)
                local s = {}
                for i = 1, %d do s[#s + 1] = tostring(gen()) end
                local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); error('in co ' .. b) end)
                local _, first = coroutine.resume(co, 1)
                local ok, err = coroutine.resume(co, 5)
                return table.concat(s, ',') .. '|' .. first .. tostring(ok) .. err .. coroutine.status(co)"""
                .formatted(n, n + 1));
    }

    private static Program garbage(Random r) {
        int n = 100 + r.nextInt(5000);
        return new Eval("""
                local junk = {}
                for i = 1, %d do junk[i] = { i, tostring(i) } end
                junk = nil
                local before = collectgarbage('count')
                collectgarbage('%s')
                return string.format('%%.3f %%.3f %%s', before, collectgarbage('count'), tostring(collectgarbage('isrunning')))"""
                .formatted(n, r.nextBoolean() ? "collect" : "step"));
    }

    /** Deep recursion; one in five overflows the Lua stack (a million slots, so the memory grows by megabytes). */
    private static Program recursion(Random r) {
        int depth = r.nextBoolean() ? 1 + r.nextInt(190) : 1000 + r.nextInt(9000);
        String overflow = r.nextInt(5) == 0 ? "forever" : "function(n) return f(n % 50) end";
        return new Eval("""
                local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end
                local function forever(n) return 1 + forever(n + 1) end
                local ok, err = pcall(%s, 0)
                return f(%d) .. ' ' .. tostring(ok) .. ' ' .. tostring(err)""".formatted(overflow, depth));
    }

    private static Program utf8(Random r) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) {
            codes.append(i == 0 ? "" : ", ").append(r.nextInt(4) == 0 ? 0x1F300 + r.nextInt(500) : 0x20 + r.nextInt(0x2000));
        }
        return new Eval("""
                local s = utf8.char(%s)
                local parts = {}
                for p, c in utf8.codes(s) do parts[#parts + 1] = p .. ':' .. c end
                return s .. '|' .. utf8.len(s) .. '|' .. #s .. '|' .. table.concat(parts, ',') .. '|' .. utf8.charpattern"""
                .formatted(codes));
    }

    /** ao.send builds its tags from a table: the order of an outbox message's tags is a traversal order. */
    private static Program outboxTags(Random r) {
        int n = 1 + r.nextInt(12);
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < n; i++) {
            tags.append("['T").append(r.nextInt(1000)).append("'] = '").append(r.nextInt(1_000_000)).append("', ");
        }
        return new Eval("""
                ao.send({ Target = '%s', Action = 'Debit-Notice', Recipient = 'r%d', Quantity = '%d', %sData = 'd' })
                return 'sent'""".formatted(AosScenario.PROCESS, r.nextInt(100), r.nextInt(1_000_000), tags));
    }

    private static Program growingGlobal(Random r) {
        int add = 1 + r.nextInt(80);
        return new Eval("""
                Corpus.grow = Corpus.grow or {}
                local base = 0
                for _ in pairs(Corpus.grow) do base = base + 1 end
                for i = 1, %d do Corpus.grow['g' .. (base + i)] = i end
                local s = {}
                for k in pairs(Corpus.grow) do s[#s + 1] = k end
                return #s .. ' ' .. table.concat(s, ',', 1, math.min(#s, 60))""".formatted(add));
    }

    private static Program patterns(Random r) {
        int n = r.nextInt(1000);
        return new Eval("""
                local s = string.rep('abc%d def ', %d)
                local count = select(2, s:gsub('%%a+', string.upper))
                local words = {}
                for w in s:gmatch('%%a+%%d*') do words[w] = (words[w] or 0) + 1 end
                local out = {}
                for w, c in pairs(words) do out[#out + 1] = w .. c end
                return count .. ' ' .. s:byte(1) .. ' ' .. table.concat(out, ',') .. ' ' .. s:find('def', 1, true)"""
                .formatted(n, 1 + r.nextInt(30)));
    }

    private static Program assignments(Random r) {
        return new Eval("""
                ao.assign({ Processes = { 'P%d_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Q_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' },
                  Message = 'M%d_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', Exclude = { 'Data' } })
                return 'assigned'""".formatted(r.nextInt(10), r.nextInt(10)));
    }

    /** Mostly small data; one in four programs of this kind carries 1 MiB. */
    private static Program largeData(Random r) {
        int size = r.nextInt(4) == 0 ? 1 << 20 : r.nextInt(5000);
        char fill = (char) ('a' + r.nextInt(26));
        return new Message(String.valueOf(fill).repeat(size), List.of("Action", "Size"));
    }

    private static Program cron(Random r) {
        return new Cron(List.of("Action", "Cron", "Tick", Integer.toString(r.nextInt(1000))));
    }

    private static Program echo(Random r) {
        List<String> pairs = new ArrayList<>(List.of("Action", "Echo"));
        for (int i = 0, n = r.nextInt(8); i < n; i++) {
            pairs.add("X-" + r.nextInt(100));
            pairs.add("\u001b[3" + r.nextInt(8) + "m" + r.nextInt(1000) + "\t\u2028é");
        }
        return new Message("echo " + r.nextInt(), pairs);
    }
}
