package dev.ao4j.wasm;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;

/** strftime as the reference glue implements it (C locale), over a {@code struct tm} in guest memory; UTC. */
final class Strftime {
    private static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("%c", "%a %b %d %H:%M:%S %Y"), Map.entry("%D", "%m/%d/%y"), Map.entry("%F", "%Y-%m-%d"),
            Map.entry("%h", "%b"), Map.entry("%r", "%I:%M:%S %p"), Map.entry("%R", "%H:%M"), Map.entry("%T", "%H:%M:%S"),
            Map.entry("%x", "%m/%d/%y"), Map.entry("%X", "%H:%M:%S"));

    private Strftime() {}

    /** Writes the formatted string at {@code s}; returns its length, or 0 when it does not fit in {@code maxSize}. */
    static long format(LinearMemory memory, boolean memory64, long s, long maxSize, long formatPtr, long tm) {
        int sec = memory.readInt(tm);
        int min = memory.readInt(tm + 4);
        int hour = memory.readInt(tm + 8);
        int mday = memory.readInt(tm + 12);
        int mon = memory.readInt(tm + 16);
        int year = memory.readInt(tm + 20) + 1900;
        int wday = memory.readInt(tm + 24);
        int yday = memory.readInt(tm + 28);
        long zonePtr = memory64 ? memory.readLong(tm + 48) : Integer.toUnsignedLong(memory.readInt(tm + 40));
        String zone = zonePtr == 0 ? "" : memory.cString(zonePtr);
        String pattern = memory.cString(formatPtr);
        for (int pass = 0; pass < 2; pass++) { // %c expands to a pattern with further expansions
            for (Map.Entry<String, String> e : EXPANSIONS.entrySet()) {
                pattern = pattern.replace(e.getKey(), e.getValue()).replace("%E" + e.getKey().substring(1), e.getValue())
                        .replace("%O" + e.getKey().substring(1), e.getValue());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char d = pattern.charAt(++i);
            if ((d == 'E' || d == 'O') && i + 1 < pattern.length()) {
                d = pattern.charAt(++i);
            }
            switch (d) {
                case 'a' -> out.append(WEEKDAYS[Math.floorMod(wday, 7)], 0, 3);
                case 'A' -> out.append(WEEKDAYS[Math.floorMod(wday, 7)]);
                case 'b' -> out.append(MONTHS[Math.floorMod(mon, 12)], 0, 3);
                case 'B' -> out.append(MONTHS[Math.floorMod(mon, 12)]);
                case 'C' -> out.append(pad(year / 100, 2, '0'));
                case 'd' -> out.append(pad(mday, 2, '0'));
                case 'e' -> out.append(pad(mday, 2, ' '));
                case 'g' -> out.append(String.valueOf(weekBasedYear(year, yday)).substring(2));
                case 'G' -> out.append(weekBasedYear(year, yday));
                case 'H' -> out.append(pad(hour, 2, '0'));
                case 'I' -> out.append(pad(hour == 0 ? 12 : hour > 12 ? hour - 12 : hour, 2, '0'));
                case 'j' -> out.append(pad(yday + 1, 3, '0'));
                case 'm' -> out.append(pad(mon + 1, 2, '0'));
                case 'M' -> out.append(pad(min, 2, '0'));
                case 'n' -> out.append('\n');
                case 'p' -> out.append(hour >= 0 && hour < 12 ? "AM" : "PM");
                case 'S' -> out.append(pad(sec, 2, '0'));
                case 't' -> out.append('\t');
                case 'u' -> out.append(wday == 0 ? 7 : wday);
                case 'U' -> out.append(pad((yday + 7 - wday) / 7, 2, '0'));
                case 'V' -> out.append(pad(isoWeek(year, yday), 2, '0'));
                case 'w' -> out.append(wday);
                case 'W' -> out.append(pad((yday + 7 - (wday + 6) % 7) / 7, 2, '0'));
                case 'y' -> out.append(String.valueOf(year).substring(2));
                case 'Y' -> out.append(year);
                case 'z' -> out.append("+0000");
                case 'Z' -> out.append(zone);
                case '%' -> out.append('%');
                default -> out.append('%').append(d);
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length + 1 > maxSize) {
            return 0;
        }
        memory.write(s, bytes, 0, bytes.length);
        memory.writeByte(s + bytes.length, (byte) 0);
        return bytes.length;
    }

    private static String pad(int value, int digits, char with) {
        String s = Integer.toString(value);
        return s.length() >= digits ? s : String.valueOf(with).repeat(digits - s.length()) + s;
    }

    private static LocalDate date(int year, int yday) {
        return LocalDate.of(year, 1, 1).plusDays(yday);
    }

    private static int weekBasedYear(int year, int yday) {
        return date(year, yday).get(IsoFields.WEEK_BASED_YEAR);
    }

    private static int isoWeek(int year, int yday) {
        return date(year, yday).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
