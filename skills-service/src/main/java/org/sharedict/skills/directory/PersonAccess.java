package org.sharedict.skills.directory;

import jakarta.enterprise.context.ApplicationScoped;

import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;

/**
 * Who may change a person's record: admins anything, a manager their own partner's people, and
 * a person (the token's {@code person} claim) their own skills, certifications, availability
 * and confirmation, but never their own verification.
 */
@ApplicationScoped
public class PersonAccess {

    private final Caller caller;

    PersonAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean isSelf(PersonRef p) {
        return caller.personId().map(id -> id.equals(p.id())).orElse(false);
    }

    /** Profile fields, creating and removing people: managers of the partner and admins. */
    public void requireManage(PersonRef p) {
        caller.requireEditRightsFor(p.partner(), Roles.MANAGER);
    }

    /** Skills, certifications, availability, confirming: also the person themselves. */
    public void requireManageOrSelf(PersonRef p) {
        if (!isSelf(p)) {
            requireManage(p);
        }
    }

    public boolean canVerify(PersonRef p) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Roles.MANAGER) && caller.isOf(p.partner()) && !isSelf(p);
    }

    public void requireVerify(PersonRef p) {
        if (!canVerify(p)) {
            throw ProblemException.forbidden(
                    isSelf(p)
                            ? "You cannot verify your own skills; ask your manager"
                            : "Only a manager of " + p.partner() + " (or an admin) verifies its people's skills");
        }
    }

    public String username() {
        return caller.username();
    }
}
