package dev.debrief.notify;

import dev.debrief.common.DebriefConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Sends reminders by e-mail through quarkus-mailer (a mock mailbox in dev and test). */
@ApplicationScoped
class MailChannel implements Channel {

    @Inject
    Mailer mailer;

    @Inject
    DebriefConfig config;

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean configured() {
        return !recipients().isEmpty();
    }

    @Override
    public void send(String subject, String text) {
        Mail mail = Mail.withText(recipients().get(0), "[Debrief] " + subject, text);
        recipients().stream().skip(1).forEach(mail::addTo);
        mailer.send(mail);
    }

    private List<String> recipients() {
        return config.reminders().mailTo().orElse(List.of()).stream().filter(r -> !r.isBlank()).toList();
    }
}
