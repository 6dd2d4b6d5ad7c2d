package org.sharedict.gateway.users;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.OptimisticLock;

/** Someone who signs in: a partnership admin, or a member of one partner with roles there. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    @Column(length = 254)
    public String email;

    @Column(length = 16)
    public String partner;

    @Column(name = "person_id")
    public Long personId;

    /** Comma-separated, in the order given; see {@link #roles()}. */
    @Column(name = "roles", nullable = false, length = 200)
    public String roleList;

    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    /** Whether the password is one of {@link Passwords#DEFAULTS}; null for a hash stored before this was recorded. */
    @Column(name = "password_is_default")
    public Boolean passwordIsDefault;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Column(nullable = false)
    public boolean enabled = true;

    /** Sign-in bookkeeping: not an edit, so it does not change the version an admin edits against. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;

    @Column(name = "external_provider", length = 64)
    public String externalProvider;

    @Column(name = "external_subject", length = 255)
    public String externalSubject;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Set<String> roles() {
        if (roleList == null || roleList.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(roleList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void roles(Set<String> roles) {
        roleList = String.join(",", roles);
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username.toLowerCase()).firstResultOptional();
    }

    public static Optional<User> findByExternal(String provider, String subject) {
        return find("externalProvider = ?1 and externalSubject = ?2", provider, subject)
                .firstResultOptional();
    }
}
