package dev.ao4j.wasm;

/**
 * Thrown by a host import to unwind the guest: a longjmp (caught again by the {@code invoke_*} trampolines),
 * an exit or abort, or a limit. Without a stack trace: these are control flow.
 */
sealed class GuestSignal extends RuntimeException permits GuestSignal.Longjmp, GuestSignal.Halt, GuestSignal.MemoryLimit {
    private static final long serialVersionUID = 1L;

    GuestSignal(String message) {
        super(message, null, false, false);
    }

    /** emscripten's {@code _emscripten_throw_longjmp}. */
    static final class Longjmp extends GuestSignal {
        private static final long serialVersionUID = 1L;
        static final Longjmp INSTANCE = new Longjmp();

        private Longjmp() {
            super("longjmp");
        }
    }

    /** The module called exit() or abort(), or a WeaveDrive read failed: the message fails. */
    static final class Halt extends GuestSignal {
        private static final long serialVersionUID = 1L;

        Halt(String message) {
            super(message);
        }
    }

    /** The heap would grow past the process's Memory-Limit. */
    static final class MemoryLimit extends GuestSignal {
        private static final long serialVersionUID = 1L;

        MemoryLimit(String message) {
            super(message);
        }
    }
}
