package org.sharedict.platform.web;

import jakarta.ws.rs.core.EntityTag;

import org.sharedict.platform.problem.ProblemException;

/**
 * Optimistic concurrency at the HTTP edge. Reads send {@code ETag: "<version>"}; writes must say
 * which version they edit, with {@code If-Match} or a {@code version} field in the body, so that
 * a concurrent edit is detected (412 / 409) instead of silently lost.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks the version the client edited against the stored one.
     *
     * @param ifMatch     the raw If-Match header, may be null
     * @param bodyVersion the version field of the request body, may be null
     * @param current     the stored version
     */
    public static void requireMatch(String ifMatch, Long bodyVersion, long current) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (!tag.equals(Long.toString(current))) {
                throw ProblemException.preconditionFailed("If-Match names version " + tag
                        + " but the stored version is " + current + "; reload and try again")
                        .with("currentVersion", current);
            }
            return;
        }
        if (bodyVersion == null) {
            throw ProblemException.preconditionRequired(
                    "Say which version you are editing: send If-Match with the ETag you read, or a version field");
        }
        if (bodyVersion != current) {
            throw ProblemException.conflict("You edited version " + bodyVersion + " but the stored version is "
                    + current + "; reload and try again").with("currentVersion", current);
        }
    }
}
