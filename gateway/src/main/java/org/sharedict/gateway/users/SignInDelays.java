package org.sharedict.gateway.users;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The delays failed sign-ins put on an account, as users shows and clears them. Sign-in (auth)
 * counts the failures and implements this; users owns the interface, so it asks without depending on
 * sign-in.
 */
public interface SignInDelays {

    /** What an admin sees of an account: its recent failures (from every address) and until when its sign-ins are delayed. */
    record State(int failures, Instant delayedUntil) {
        public static final State NONE = new State(0, null);
    }

    State state(String username);

    /** The state of those of these users who have recent failures. */
    Map<String, State> states(Collection<String> usernames);

    /** Lets the account's owner try again at once, from anywhere. True when sign-ins were being delayed. */
    boolean clear(String username);
}
