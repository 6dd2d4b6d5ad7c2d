package org.sharedict.skills.platform.links;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import org.sharedict.platform.links.SignedLinkTokens;
import org.sharedict.skills.platform.SkillsConfig;

/**
 * One-click links in skills-service's e-mails, signed with {@code skills.links.secret}: each is bound
 * to a record, the person it was written to and one action, works once and expires. The rooms that
 * write e-mails make them here; the {@code links} room answers them at {@link #PATH}. The key is
 * checked at start-up, not at the first e-mail.
 */
@Singleton
@Startup
public class SignedLinks {

    /** Where links are answered, through the gateway without signing in (the token is the credential). */
    public static final String PATH = "/api/links/";

    /** What a link does: the word in its token. */
    public enum Action {
        AID_APPROVE("aid-approve"),
        AID_DECLINE("aid-decline"),
        AID_ACCEPT("aid-accept"),
        PROFILE_CONFIRM("profile-confirm");

        public final String word;

        Action(String word) {
            this.word = word;
        }

        public static java.util.Optional<Action> of(String word) {
            return java.util.Arrays.stream(values())
                    .filter(a -> a.word.equals(word))
                    .findFirst();
        }
    }

    private final SignedLinkTokens tokens;
    private final String publicUrl;
    private final Clock clock;

    SignedLinks(SkillsConfig config, Clock clock) {
        byte[] key = config.links()
                .secret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        if (key == null) {
            key = SignedLinkTokens.randomKey();
            Log.warn("skills.links.secret (SKILLS_LINKS_SECRET) is not set: links in e-mails are signed with a key"
                    + " made up for this instance, and stop working when it restarts. Set it in production.");
        } else if (key.length < SignedLinkTokens.MIN_KEY_LENGTH) {
            throw new IllegalStateException("skills.links.secret (SKILLS_LINKS_SECRET) must be at least "
                    + SignedLinkTokens.MIN_KEY_LENGTH + " characters");
        }
        this.tokens = new SignedLinkTokens(key, clock, config.links().lifetime());
        this.publicUrl = config.aid().publicUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** The whole address of a new link for {@code personId} to do {@code action} to {@code subjectId}. */
    public String url(long subjectId, long personId, Action action) {
        return publicUrl + PATH + tokens.issue(subjectId, personId, action.word);
    }

    /** Until when a link made now works. */
    public Instant expiresIfMadeNow() {
        return Instant.now(clock).plus(tokens.lifetime());
    }

    public SignedLinkTokens.Checked check(String token) {
        return tokens.check(token);
    }
}
