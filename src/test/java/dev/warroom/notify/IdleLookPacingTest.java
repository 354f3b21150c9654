package dev.warroom.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An idle outbox worker looks less often the longer its looks find nothing, and often again once it claims. */
class IdleLookPacingTest {

    private static final long MS = 1_000_000L;
    private final IdleLookPacing pacing = new IdleLookPacing();

    @Test
    void afterARoundThatClaimedTheNextLookMayComeIn50Ms() {
        assertThat(pacing.lookNotBefore(1_000 * MS, true)).isEqualTo(1_050 * MS);
    }

    @Test
    void eachRoundThatFindsNothingDoublesTheWaitUpToASecond() {
        long now = 0;
        StringBuilder gaps = new StringBuilder();
        for (int round = 0; round < 7; round++) {
            long next = pacing.lookNotBefore(now, false);
            gaps.append((next - now) / MS).append(' ');
            now = next;
        }
        assertThat(gaps.toString().strip()).isEqualTo("100 200 400 800 1000 1000 1000");
    }

    @Test
    void aRoundThatClaimsSetsTheWaitBackTo50Ms() {
        for (int round = 0; round < 5; round++) {
            pacing.lookNotBefore(0, false);
        }
        assertThat(pacing.lookNotBefore(0, true)).isEqualTo(50 * MS);
        assertThat(pacing.lookNotBefore(0, false)).isEqualTo(100 * MS);
    }
}
