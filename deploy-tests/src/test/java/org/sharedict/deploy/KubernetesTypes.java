package org.sharedict.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads rendered objects into the Kubernetes API types (fabric8's model of the API) and reports
 * what a strict API server would refuse: an unknown kind, a value of the wrong type, a field the
 * type does not have (a typo like readOnlyRootFileSystem is silently dropped by a lenient one).
 */
final class KubernetesTypes {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private KubernetesTypes() {}

    static List<String> problems(JsonNode object) {
        String where = object.path("kind").asText() + "/"
                + object.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        HasMetadata typed;
        try {
            typed = SERIALIZATION.unmarshal(object.toString(), HasMetadata.class);
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
            return problems;
        }
        if (typed instanceof GenericKubernetesResource) {
            problems.add(where + ": " + object.path("apiVersion").asText() + " "
                    + object.path("kind").asText() + " is not a Kubernetes API type");
            return problems;
        }
        walk(typed, where, problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a derived value, not a field
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
                continue;
            }
            Class<?> type = getter.getReturnType();
            if (Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)
                    || type.getPackageName().startsWith(MODEL_PACKAGE)) {
                String name = getter.getName().substring(3);
                walk(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), problems);
            }
        }
    }
}
