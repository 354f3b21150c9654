package dev.warroom.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredBacklogTest {

    @Test
    void idsComeBackOldestFirstWhileItGrowsAndWrapsAround() {
        StoredBacklog backlog = new StoredBacklog(1000);
        List<Long> readBack = new ArrayList<>();
        long next = 1;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 70; i++) {
                assertThat(backlog.add(next++)).isTrue();
            }
            for (long id : backlog.oldest(50)) {
                readBack.add(id);
                backlog.dropOldest();
            }
        }
        assertThat(backlog.size()).isEqualTo(200);
        assertThat(backlog.all()).startsWith(501L).endsWith(700L);
        for (long id : backlog.oldest(1000)) {
            readBack.add(id);
            backlog.dropOldest();
        }
        assertThat(readBack).hasSize(700);
        for (int i = 0; i < readBack.size(); i++) {
            assertThat(readBack.get(i)).isEqualTo(i + 1L);
        }
        assertThat(backlog.isEmpty()).isTrue();
    }

    @Test
    void pastItsLimitAnIdIsNotKept() {
        StoredBacklog backlog = new StoredBacklog(2);
        assertThat(backlog.add(7)).isTrue();
        assertThat(backlog.add(8)).isTrue();
        assertThat(backlog.hasRoom()).isFalse();
        assertThat(backlog.add(9)).isFalse();
        assertThat(backlog.all()).containsExactly(7, 8);

        backlog.dropOldest();
        assertThat(backlog.add(9)).isTrue();
        assertThat(backlog.all()).containsExactly(8, 9);
    }

    @Test
    void aBacklogOfNoneKeepsNothing() {
        StoredBacklog none = new StoredBacklog(0);
        assertThat(none.add(1)).isFalse();
        assertThat(none.isEmpty()).isTrue();
        assertThatThrownBy(none::dropOldest).isInstanceOf(IllegalStateException.class);
    }
}
