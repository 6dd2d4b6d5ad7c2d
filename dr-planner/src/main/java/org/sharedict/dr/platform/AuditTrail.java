package org.sharedict.dr.platform;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.sharedict.platform.audit.AuditTrailResource;
import org.sharedict.platform.security.Caller;

/** This service's audit trail of writes, read through the gateway at the path below (platform-common's resource). */
@Path("/api/audit/dr")
@Tag(name = "Audit trail", description = "Who changed what and when, for admins and their own partner's managers")
public class AuditTrail extends AuditTrailResource {

    public AuditTrail(Caller caller) {
        super(caller);
    }
}
