package dev.warroom.threads;

import dev.warroom.support.KernelThreads;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundThreadsTest {

    @Test
    void itsThreadsRunAtTheBackgroundNiceValueAsTheKernelSeesIt() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread thread = threads(7).named("chat-work").newThread(() -> seen.complete(
                Thread.currentThread().getName() + " at nice " + KernelThreads.niceOfThisThread()));

        thread.start();

        assertEquals("chat-work-1 at nice 7", seen.get(30, TimeUnit.SECONDS));
        assertTrue(thread.isDaemon(), "background threads must not keep the JVM alive");
    }

    @Test
    void atZeroItsThreadsKeepTheNiceValueOfTheThreadThatMadeThem() throws Exception {
        int before = KernelThreads.niceOfThisThread();
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        threads(0).named("outbox").newThread(() -> seen.complete(KernelThreads.niceOfThisThread())).start();

        assertEquals(before, seen.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aValueAboveNineteenIsTakenAsNineteenTheLowestLinuxHas() throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();

        threads(40).named("outbox").newThread(() -> seen.complete(KernelThreads.niceOfThisThread())).start();

        assertEquals(19, seen.get(30, TimeUnit.SECONDS));
    }

    private static BackgroundThreads threads(int nice) {
        BackgroundThreads threads = new BackgroundThreads();
        threads.nice = nice;
        return threads;
    }
}
