package org.sharedict.platform.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields an update changed, old and new value, for the audit trail. Unchanged fields are left out. */
public final class Changes {

    private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();

    public static Changes track() {
        return new Changes();
    }

    public Changes field(String name, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            fields.put(name, change);
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Map<String, Map<String, Object>> asMap() {
        return Collections.unmodifiableMap(fields);
    }
}
