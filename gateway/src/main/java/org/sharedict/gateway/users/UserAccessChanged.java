package org.sharedict.gateway.users;

/**
 * A user's access changed in a way their open sessions must not outlive: their roles, partner,
 * person or enabled flag, a password reset, or the user deleted. Fired inside the transaction that
 * makes the change; sign-in (auth) observes it and ends the sessions in that same transaction, so the
 * change and the sign-outs commit together or not at all.
 */
public record UserAccessChanged(long userId, String reason) {}
