package dev.warroom.email;

import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a neutral message reads as an email. */
class EmailContentTest {

    @Test
    void aPageKeepsItsSubjectAndItsTextIsTheBody() {
        EmailContent email = EmailContent.of(Message.text("⬆ INC-1 · payments-api · HIGH — Checkout failing is escalated "
                + "to you\n_You are told as escalation level 2._").withSubject("[INC-1] high · payments-api — escalated to you"));

        assertThat(email.subject()).isEqualTo("[INC-1] high · payments-api — escalated to you");
        assertThat(email.body()).isEqualTo("⬆ INC-1 · payments-api · HIGH — Checkout failing is escalated to you\n"
                + "_You are told as escalation level 2._\n");
    }

    @Test
    void withoutASubjectTheFirstLineIsUsedWithoutItsMarksFieldsAreLinesAndButtonsAreCommands() {
        EmailContent email = EmailContent.of(new Message("*INC-1 · payments-api · HIGH — Checkout failing*\nsecond line",
                List.of(new Field("Manager", "Alice Smith")), List.of(new Button("Acknowledge", "ack INC-1"))));

        assertThat(email.subject()).isEqualTo("INC-1 · payments-api · HIGH — Checkout failing");
        assertThat(email.body()).isEqualTo("""
                *INC-1 · payments-api · HIGH — Checkout failing*
                second line
                Manager: Alice Smith

                To act, type in the chat:
                  /incident ack INC-1   (Acknowledge)
                """);
    }

    @Test
    void aSubjectIsOneShortLine() {
        String title = "x".repeat(300);

        assertThat(EmailContent.of(Message.text("a\tb  c").withSubject("one\r\nBcc: someone@example.com")).subject())
                .isEqualTo("one Bcc: someone@example.com");
        assertThat(EmailContent.of(Message.text(title)).subject()).hasSize(100).endsWith("x…");
        assertThat(EmailContent.of(Message.text("")).subject()).isEqualTo("Warroom");
    }
}
