package dev.warroom.chat;

import dev.warroom.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows of requests arriving together share a commit; each request still gets its own row's id or failure. */
class SharedCommitsTest {

    /** What the connection pool says when the database does not answer. */
    private static final String DATABASE_DOWN = "Sorry, acquisition timeout!";

    private final ExecutorService requests = Executors.newCachedThreadPool();
    private static final String COMMITTER = "test-committer";
    private final ExecutorService committer = Executors.newSingleThreadExecutor(task -> new Thread(task, COMMITTER));
    /** Every commit tried, with its rows in order. */
    private final List<List<String>> commits = new CopyOnWriteArrayList<>();
    /** Holds the first commit until the test lets it go, so that others arrive meanwhile. */
    private final CountDownLatch firstCommitMayEnd = new CountDownLatch(1);

    /**
     * Stores like the database would: the id of "row-N" is 100 + N; a row named "bad" fails its commit, and "down"
     * fails it as a database that does not answer would.
     */
    private final SharedCommits<String> shared = new SharedCommits<>(rows -> {
        commits.add(List.copyOf(rows));
        if (commits.size() == 1) {
            await(firstCommitMayEnd);
        }
        if (rows.contains("fatal")) {
            throw new AssertionError("an Error, not an exception");
        }
        if (rows.contains("bad")) {
            throw new IllegalArgumentException("value too long for type character varying(40)");
        }
        if (rows.contains("down")) {
            throw new IllegalStateException(DATABASE_DOWN);
        }
        return rows.stream().map(row -> 100L + Long.parseLong(row.substring("row-".length()))).toList();
    }, failure -> DATABASE_DOWN.equals(failure.getMessage()), committer);

    @AfterEach
    void stop() {
        firstCommitMayEnd.countDown();
        requests.shutdownNow();
        committer.shutdownNow();
    }

    @Test
    void aRequestAloneIsCommittedAtOnceByItself() {
        firstCommitMayEnd.countDown();

        assertThat(shared.store("row-1")).isEqualTo(101L);
        assertThat(shared.store("row-2")).isEqualTo(102L);
        assertThat(commits).containsExactly(List.of("row-1"), List.of("row-2"));
    }

    @Test
    void requestsArrivingDuringACommitShareTheNextOneAndEachGetsItsOwnId() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        List<Future<Long>> during = arriveDuringIt("row-2", "row-3", "row-4");

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(during.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(102L);
        assertThat(during.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(103L);
        assertThat(during.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(104L);
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1)).containsExactlyInAnyOrder("row-2", "row-3", "row-4");
    }

    @Test
    void aRowThatFailsASharedCommitFailsOnlyItsOwnRequest() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        List<Future<Long>> during = arriveDuringIt("row-2", "bad", "row-4");
        Future<Long> before = during.get(0);
        Future<Long> bad = during.get(1);
        Future<Long> after = during.get(2);

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(102L);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(104L);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("value too long for type character varying(40)");
        // the shared commit failed; then each of its rows was tried in a commit of its own
        assertThat(commits.subList(2, commits.size())).containsExactlyInAnyOrder(
                List.of("row-2"), List.of("bad"), List.of("row-4"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerFailsEveryRequestOfTheSharedCommitWithoutTryingEachAgain() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        List<Future<Long>> during = arriveDuringIt("row-2", "down", "row-4");

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        for (Future<Long> request : during) {
            assertThat(failure(request)).isInstanceOf(IllegalStateException.class).hasMessage(DATABASE_DOWN);
        }
        assertThat(commits).hasSize(2);
    }

    @Test
    void anErrorInASharedCommitFailsEachOfItsRequestsAndTheNextCommitStillRuns() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        List<Future<Long>> during = arriveDuringIt("row-2", "fatal");
        Future<Long> before = during.get(0);
        Future<Long> fatal = during.get(1);

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        // whichever thread ran the commit gets the Error itself; the other is told its row was not stored
        List<Throwable> failures = List.of(failure(before), failure(fatal));
        assertThat(failures).extracting(Throwable::getMessage).containsExactlyInAnyOrder(
                "an Error, not an exception", "the commit this row shared ended without an answer");
        assertThat(shared.store("row-5")).isEqualTo(105L);
    }

    @Test
    void anInterruptedRequestStillGetsItsRowsOutcomeAndKeepsItsInterrupt() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        CompletableFuture<Long> waiting = new CompletableFuture<>();
        Thread request = new Thread(() -> {
            waiting.complete(shared.store("row-2"));
            interruptKept.complete(Thread.currentThread().isInterrupted());
        });
        request.start();
        Eventually.await("a request waiting", () -> shared.waitingRows() == 1);

        request.interrupt();
        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(102L);
        assertThat(interruptKept.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCallerThatCannotWaitIsToldOnTheCommittingThreadNeverItsOwn() throws Exception {
        firstCommitMayEnd.countDown();
        CompletableFuture<String> told = new CompletableFuture<>();

        shared.storeLater("row-1", (id, failure) -> told.complete(id + " on " + Thread.currentThread().getName()));

        assertThat(told.get(10, TimeUnit.SECONDS)).isEqualTo("101 on " + COMMITTER);
    }

    @Test
    void callersThatCannotWaitShareTheNextCommitWithWaitingRequestsAndAreToldTheirOwnIds() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        Future<Long> waiting = arriveDuringIt("row-2").get(0);
        CompletableFuture<Long> later = new CompletableFuture<>();
        CompletableFuture<RuntimeException> bad = new CompletableFuture<>();
        shared.storeLater("row-3", (id, failure) -> later.complete(id));
        shared.storeLater("bad", (id, failure) -> bad.complete(failure));
        assertThat(later).as("not told before its commit").isNotDone();

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(102L);
        assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo(103L);
        assertThat(bad.get(10, TimeUnit.SECONDS)).hasMessage("value too long for type character varying(40)");
        assertThat(commits.get(1)).containsExactly("row-2", "row-3", "bad");
    }

    @Test
    void aCallerFailingToTakeItsOutcomeKeepsNoOtherRowOfTheCommitFromItsOwn() throws Exception {
        Future<Long> first = firstCommitUnderWay();
        CompletableFuture<Long> after = new CompletableFuture<>();
        shared.storeLater("row-2", (id, failure) -> {
            throw new IllegalStateException("the caller broke");
        });
        shared.storeLater("row-3", (id, failure) -> after.complete(id));
        Eventually.await("2 rows waiting", () -> shared.waitingRows() == 2);

        firstCommitMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(101L);
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(103L);
    }

    /** Stores "row-1" and returns once its commit has begun (and is held until the test lets it end). */
    private Future<Long> firstCommitUnderWay() {
        Future<Long> first = store("row-1");
        Eventually.await("the first commit under way", () -> commits.size() == 1);
        return first;
    }

    /** Stores the rows while the first commit is held, and returns once each waits for the next commit. */
    private List<Future<Long>> arriveDuringIt(String... rows) {
        List<Future<Long>> during = java.util.Arrays.stream(rows).map(this::store).toList();
        Eventually.await(rows.length + " requests waiting", () -> shared.waitingRows() == rows.length);
        return during;
    }

    private static Throwable failure(Future<Long> request) {
        try {
            request.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("the request neither failed nor ended: " + e, e);
        }
        throw new AssertionError("the request was stored");
    }

    private Future<Long> store(String row) {
        return requests.submit(() -> shared.store(row));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first commit end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
