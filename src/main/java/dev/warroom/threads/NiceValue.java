package dev.warroom.threads;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets the calling thread's nice value through libc's {@code setpriority}. Java has no call for it: its thread
 * priorities reach the kernel only with JVM flags a plain {@code java -jar} does not pass.
 */
final class NiceValue {

    /** {@code setpriority}'s "which" for one process; on Linux a thread is a process of its own here. */
    private static final int PRIO_PROCESS = 0;
    /** {@code setpriority}'s "who" for the caller: on Linux the calling thread alone (setpriority(2), "BUGS"). */
    private static final int CALLER = 0;

    private interface LibC extends Library {
        int setpriority(int which, int who, int prio) throws LastErrorException;
    }

    /** Loaded on first use, so that a machine without the native part fails only here, with a reason. */
    private static final class Loaded {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private NiceValue() {
    }

    /** Whether this system gives each thread a nice value of its own. */
    static boolean perThread() {
        return Platform.isLinux();
    }

    /**
     * Gives the calling thread this nice value (raising it needs no privilege); returns why it could not, or null.
     * Only on Linux: elsewhere the same call would lower the whole process, requests included.
     */
    static String setForCallingThread(int nice) {
        if (!perThread()) {
            return "only Linux sets a nice value per thread";
        }
        try {
            Loaded.LIBC.setpriority(PRIO_PROCESS, CALLER, nice);
            return null;
        } catch (LastErrorException refused) {
            return "setpriority failed with errno " + refused.getErrorCode();
        } catch (LinkageError noNativePart) {
            return "libc could not be called: " + noNativePart.getMessage();
        }
    }
}
