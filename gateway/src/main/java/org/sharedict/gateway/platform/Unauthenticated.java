package org.sharedict.gateway.platform;

import org.sharedict.platform.problem.Problem;
import org.sharedict.platform.problem.ProblemException;

/** 401 from the gateway's own endpoints, answered with {@code WWW-Authenticate: Bearer}. */
public class Unauthenticated extends ProblemException {

    public Unauthenticated(String detail) {
        super(new Problem("unauthenticated", "Sign-in required", 401, detail));
    }
}
