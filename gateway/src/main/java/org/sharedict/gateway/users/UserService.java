package org.sharedict.gateway.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import org.sharedict.gateway.platform.SkillsDirectory;
import org.sharedict.gateway.users.UserDtos.NewUser;
import org.sharedict.gateway.users.UserDtos.UserUpdate;
import org.sharedict.gateway.users.UserDtos.UserView;
import org.sharedict.platform.audit.Auditor;
import org.sharedict.platform.audit.Changes;
import org.sharedict.platform.paging.Page;
import org.sharedict.platform.paging.PageRequest;
import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;
import org.sharedict.platform.search.Like;
import org.sharedict.platform.security.Caller;
import org.sharedict.platform.security.Roles;
import org.sharedict.platform.web.ETags;

/**
 * Users, kept by the rules of who may manage whom ({@link UserRights}): an admin manages everyone; a manager manages the users of their
 * own partner and may give them any role but admin. A change of roles, partner or the enabled flag
 * ends the user's sessions, so their tokens never carry stale rights for long.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UserService {

    public static final List<String> ROLES =
            List.of(Roles.ADMIN, Roles.MANAGER, Roles.ENGINEER, Roles.DR_LEAD, Roles.VIEWER);
    private static final Map<String, String> SORTS = Map.of(
            "username",
            "username",
            "displayName",
            "displayName",
            "partner",
            "partner",
            "lastSignInAt",
            "lastSignInAt",
            "createdAt",
            "createdAt");
    static final String ENTITY = "user";

    private final Caller caller;
    private final Auditor audit;
    private final Clock clock;
    private final Passwords passwords;
    private final Event<UserAccessChanged> accessChanged;
    private final SkillsDirectory skills;
    private final SignInDelays throttle;
    private final UserRights rights;

    UserService(
            Caller caller,
            Auditor audit,
            Clock clock,
            Passwords passwords,
            Event<UserAccessChanged> accessChanged,
            SkillsDirectory skills,
            SignInDelays throttle,
            UserRights rights) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.passwords = passwords;
        this.accessChanged = accessChanged;
        this.skills = skills;
        this.throttle = throttle;
        this.rights = rights;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> list(String partner, String role, String q, PageRequest page) {
        String scope = partner == null || partner.isBlank() ? null : partner.toUpperCase(Locale.ROOT);
        if (!caller.isAdmin()) {
            rights.requireManager();
            String own = caller.partner().orElseThrow(() -> ProblemException.forbidden("Your token names no partner"));
            if (scope != null && !scope.equals(own)) {
                throw ProblemException.forbidden("Managers list only the users of their own partner (" + own + ")");
            }
            scope = own;
        }
        if (role != null && !role.isBlank() && !ROLES.contains(role)) {
            throw ProblemException.invalid("role", "must be one of " + ROLES);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (scope != null) {
            where.append(" and partner = :partner");
            params.and("partner", scope);
        }
        if (role != null && !role.isBlank()) {
            where.append(" and concat(',', roleList, ',') like :role");
            params.and("role", "%," + role + ",%");
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(username) like :q" + Like.ESCAPE + " or lower(displayName) like :q" + Like.ESCAPE
                    + " or lower(email) like :q" + Like.ESCAPE + ")");
            params.and("q", Like.containing(q));
        }
        Page<User> users =
                Page.of(User.<User>find(where.toString(), page.toSort(SORTS, "username", "id"), params), page, u -> u);
        Map<String, SignInDelays.State> throttled =
                throttle.states(users.items().stream().map(u -> u.username).toList());
        return new Page<>(
                users.items().stream()
                        .map(u -> UserView.of(u, throttled.getOrDefault(u.username, SignInDelays.State.NONE)))
                        .toList(),
                users.page(),
                users.size(),
                users.totalItems(),
                users.totalPages());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(long id) {
        User u = find(id);
        rights.requireRightsOver(u);
        return view(u);
    }

    public UserView create(NewUser in) {
        rights.requireManager();
        String username = in.username().toLowerCase(Locale.ROOT);
        Set<String> roles = UserRights.roles(in.roles());
        String partner = UserRights.partnerFor(roles, in.partner());
        rights.requireMayAssign(roles, partner);
        List<Problem.FieldError> errors = new ArrayList<>();
        passwords.weakness(in.password(), username).ifPresent(w -> errors.add(new Problem.FieldError("password", w)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (User.findByUsername(username).isPresent()) {
            throw ProblemException.duplicate("username", username);
        }
        checkWithSkills(partner, in.personId());
        Instant now = Instant.now(clock);
        User u = new User();
        u.username = username;
        u.displayName = in.displayName().trim();
        u.email = blankToNull(in.email());
        u.partner = partner;
        u.personId = in.personId();
        u.roles(roles);
        passwords.assign(u, in.password());
        u.passwordChangedAt = now;
        u.enabled = in.enabled() == null || in.enabled();
        u.createdAt = now;
        u.updatedAt = now;
        u.persist();
        audit.created(ENTITY, u.id, u.partner, state(u));
        return view(u);
    }

    public UserView update(long id, UserUpdate in, String ifMatch) {
        User u = find(id);
        rights.requireRightsOver(u);
        ETags.requireMatch(u, ifMatch, in.version());
        Set<String> roles = UserRights.roles(in.roles());
        String partner = UserRights.partnerFor(roles, in.partner());
        rights.requireMayAssign(roles, partner);
        if (u.id.equals(rights.currentUserId())
                && (!in.enabled() || (u.roles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)))) {
            throw ProblemException.conflict(
                    "You cannot disable yourself or take away your own admin role; ask another admin");
        }
        if (u.roles().contains(Roles.ADMIN) && (!roles.contains(Roles.ADMIN) || !in.enabled())) {
            rights.requireAnotherAdmin(u);
        }
        boolean partnerChanged = !Objects.equals(partner, u.partner);
        boolean personChanged = !Objects.equals(in.personId(), u.personId);
        if (partnerChanged || personChanged) {
            checkWithSkills(partner, in.personId());
        }
        Changes changes = Changes.track()
                .field("displayName", u.displayName, in.displayName().trim())
                .field("email", u.email, blankToNull(in.email()))
                .field("partner", u.partner, partner)
                .field("personId", u.personId, in.personId())
                .field("roles", u.roleList, String.join(",", roles))
                .field("enabled", u.enabled, in.enabled());
        boolean rightsChanged =
                partnerChanged || personChanged || !u.roles().equals(roles) || u.enabled != in.enabled();
        u.displayName = in.displayName().trim();
        u.email = blankToNull(in.email());
        u.partner = partner;
        u.personId = in.personId();
        u.roles(roles);
        u.enabled = in.enabled();
        u.updatedAt = Instant.now(clock);
        if (rightsChanged) {
            accessChanged.fire(new UserAccessChanged(u.id, "rights changed"));
        }
        audit.updated(ENTITY, u.id, u.partner, changes);
        User.getEntityManager().flush();
        return view(u);
    }

    public void delete(long id, String ifMatch) {
        User u = find(id);
        rights.requireRightsOver(u);
        if (ifMatch != null) {
            ETags.requireMatch(u, ifMatch, null);
        }
        if (u.id.equals(rights.currentUserId())) {
            throw ProblemException.conflict("You cannot delete yourself; ask another admin or manager");
        }
        if (u.roles().contains(Roles.ADMIN)) {
            rights.requireAnotherAdmin(u);
        }
        accessChanged.fire(new UserAccessChanged(u.id, "user deleted"));
        audit.deleted(ENTITY, u.id, u.partner, state(u));
        u.delete();
    }

    public UserView resetPassword(long id, String password) {
        User u = find(id);
        rights.requireRightsOver(u);
        passwords.weakness(password, u.username).ifPresent(w -> {
            throw ProblemException.invalid("password", w);
        });
        Instant now = Instant.now(clock);
        passwords.assign(u, password);
        u.passwordChangedAt = now;
        u.updatedAt = now;
        throttle.clear(u.username);
        accessChanged.fire(new UserAccessChanged(u.id, "password reset"));
        audit.record("PASSWORD_RESET", ENTITY, u.id, u.partner, Map.of("by", caller.username()));
        return view(u);
    }

    /** Clears the delays failed sign-ins put on the account, from every address (not an edit: the version stays). */
    public UserView unlock(long id) {
        User u = find(id);
        rights.requireRightsOver(u);
        if (throttle.clear(u.username)) {
            audit.record("UNLOCK", ENTITY, u.id, u.partner, Map.of("by", caller.username()));
        }
        return view(u);
    }

    private UserView view(User u) {
        return UserView.of(u, throttle.state(u.username));
    }

    private User find(long id) {
        User u = User.findById(id);
        if (u == null) {
            throw ProblemException.notFound("User", id);
        }
        return u;
    }

    private void checkWithSkills(String partner, Long personId) {
        if (partner != null) {
            skills.partnerExists(partner).require("partner", "no partner has the code " + partner, "the partner code");
        }
        if (personId != null) {
            SkillsDirectory.Person person = skills.person(personId)
                    .require("personId", "skills-service has no person " + personId, "the person");
            if (partner != null && !partner.equalsIgnoreCase(person.partner())) {
                throw ProblemException.invalid(
                        "personId", "person " + personId + " belongs to " + person.partner() + ", not " + partner);
            }
        }
    }

    private static Map<String, Object> state(User u) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", u.username);
        s.put("displayName", u.displayName);
        s.put("email", u.email);
        s.put("partner", u.partner);
        s.put("personId", u.personId);
        s.put("roles", u.roleList);
        s.put("enabled", u.enabled);
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
