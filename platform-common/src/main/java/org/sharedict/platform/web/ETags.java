package org.sharedict.platform.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.ws.rs.core.EntityTag;

import io.quarkus.hibernate.orm.panache.Panache;

import org.sharedict.platform.problem.ProblemException;

/**
 * Optimistic concurrency at the HTTP edge. Reads send {@code ETag: "<version>"}; writes must say
 * which version they edit, with {@code If-Match} or a {@code version} field in the body, so that
 * a concurrent edit is detected (412 / 409) instead of silently lost.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks the version the client edited against the stored one, before the entity is changed.
     * Every versioned write goes through here. The version is read from the database under a
     * write lock, not taken from the entity as this transaction first read it: a write that
     * changes nothing is never flushed, so Hibernate's own version check never runs for it, and a
     * stale unchanged write that raced a committed edit was answered 200 over it. Locked, it
     * waits for the other edit and is refused.
     *
     * @param entity      the managed entity about to be written (or deleted)
     * @param ifMatch     the raw If-Match header, may be null
     * @param bodyVersion the version field of the request body, may be null
     */
    public static void requireMatch(Object entity, String ifMatch, Long bodyVersion) {
        String tag = tag(ifMatch);
        if (tag == null && bodyVersion == null) {
            throw ProblemException.preconditionRequired(
                    "Say which version you are editing: send If-Match with the ETag you read, or a version field");
        }
        EntityManager em = Panache.getEntityManager(entity.getClass());
        long read =
                ((Number) em.getEntityManagerFactory().getPersistenceUnitUtil().getVersion(entity)).longValue();
        long current = lockedVersion(em, entity);
        check(tag, bodyVersion, current);
        if (read != current) {
            // The client named the version now stored, but this request read the row before that
            // version was committed: what it would write rests on an older state.
            throw ProblemException.conflict("This record changed while your edit was being saved; reload and try again")
                    .with("currentVersion", current);
        }
    }

    private static long lockedVersion(EntityManager em, Object entity) {
        Class<?> type = em.getEntityManagerFactory().getPersistenceUnitUtil().getClass(entity);
        EntityType<?> et = em.getMetamodel().entity(type);
        String id = null;
        String version = null;
        for (SingularAttribute<?, ?> a : et.getSingularAttributes()) {
            if (a.isId()) {
                id = a.getName();
            } else if (a.isVersion()) {
                version = a.getName();
            }
        }
        if (id == null || version == null) {
            throw new IllegalArgumentException(et.getName() + " has no @Id or no @Version");
        }
        Object key = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        Number v = em.createQuery(
                        "select e." + version + " from " + et.getName() + " e where e." + id + " = :id", Number.class)
                .setParameter("id", key)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        return v.longValue();
    }

    /** The version an If-Match header names, {@code *} for any, or null when there is none. */
    private static String tag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        return tag.equals("*") ? tag : tag.replace("\"", "");
    }

    private static void check(String tag, Long bodyVersion, long current) {
        if (tag != null) {
            if (!tag.equals("*") && !tag.equals(Long.toString(current))) {
                throw ProblemException.preconditionFailed("If-Match names version " + tag
                                + " but the stored version is " + current + "; reload and try again")
                        .with("currentVersion", current);
            }
            return;
        }
        if (bodyVersion != current) {
            throw ProblemException.conflict("You edited version " + bodyVersion + " but the stored version is "
                            + current + "; reload and try again")
                    .with("currentVersion", current);
        }
    }
}
