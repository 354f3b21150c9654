package dev.warroom.threads;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundThreadsTest {

    @Test
    void itsThreadsRunAtTheBackgroundNiceValueAsTheKernelSeesIt() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread thread = threads(7).named("chat-work").newThread(() -> seen.complete(
                Thread.currentThread().getName() + " at nice " + kernelNiceOfThisThread()));

        thread.start();

        assertEquals("chat-work-1 at nice 7", seen.get(30, TimeUnit.SECONDS));
        assertTrue(thread.isDaemon(), "background threads must not keep the JVM alive");
    }

    @Test
    void atZeroItsThreadsKeepTheNiceValueOfTheThreadThatMadeThem() throws Exception {
        int before = kernelNiceOfThisThread();
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        threads(0).named("outbox").newThread(() -> seen.complete(kernelNiceOfThisThread())).start();

        assertEquals(before, seen.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aValueAboveNineteenIsTakenAsNineteenTheLowestLinuxHas() throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        threads(40).named("outbox").newThread(() -> seen.complete(kernelNiceOfThisThread())).start();

        assertEquals(19, seen.get(30, TimeUnit.SECONDS));
    }

    private static BackgroundThreads threads(int nice) {
        BackgroundThreads threads = new BackgroundThreads();
        threads.nice = nice;
        return threads;
    }

    /** Field 19 of /proc/thread-self/stat: the kernel's own record, not the JVM's idea of the thread's priority. */
    private static int kernelNiceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(afterName[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
