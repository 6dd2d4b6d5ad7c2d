package org.sharedict.webui;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the web application's files without a browser: with no build step, a broken import or a
 * misspelt export would otherwise show only as a blank page. The browser tests (ui-tests) then
 * prove the screens work against the running platform.
 */
class StaticAssetsTest {

    static final Path ROOT = Path.of("src/main/resources/META-INF/resources");
    static final String WEBJAR =
            "webjars/govuk-frontend/" + System.getProperty("govuk-frontend.version", "5.14.0") + "/";
    static final Pattern IMPORT = Pattern.compile("import\\s*(?:\\{([^}]*)\\}|(\\w+))\\s*from\\s*'([^']+)'");
    static final Pattern EXPORT_NAMED =
            Pattern.compile("export\\s+(?:async\\s+)?(?:function|const|let|class)\\s+(\\w+)");
    static final Pattern EXPORT_LIST = Pattern.compile("export\\s*\\{([^}]*)\\}");

    static List<Path> modules() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT.resolve("app"))) {
            return s.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    static Set<String> exportsOf(String source) {
        Set<String> names = new HashSet<>();
        Matcher m = EXPORT_NAMED.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        Matcher l = EXPORT_LIST.matcher(source);
        while (l.find()) {
            for (String n : l.group(1).split(",")) {
                String[] parts = n.trim().split("\\s+as\\s+");
                names.add(parts[parts.length - 1].trim());
            }
        }
        if (source.contains("export default")) {
            names.add("default");
        }
        return names;
    }

    static String readImported(Path from, String spec) throws IOException {
        Path target = from.getParent().resolve(spec).normalize();
        String rel = ROOT.relativize(target).toString().replace('\\', '/');
        if (rel.startsWith("webjars/")) {
            URL url = StaticAssetsTest.class.getClassLoader().getResource("META-INF/resources/" + rel);
            assertTrue(url != null, from + " imports " + spec + ", which the govuk-frontend webjar does not have");
            try (var in = url.openStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertTrue(Files.isRegularFile(target), from + " imports " + spec + ", which does not exist");
        return Files.readString(target);
    }

    @Test
    void everyImportedModuleExistsAndExportsWhatIsImported() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path module : modules()) {
            Matcher m = IMPORT.matcher(Files.readString(module));
            while (m.find()) {
                Set<String> exported = exportsOf(readImported(module, m.group(3)));
                List<String> wanted = new ArrayList<>();
                if (m.group(2) != null) {
                    wanted.add("default");
                } else {
                    for (String n : m.group(1).split(",")) {
                        if (!n.isBlank()) {
                            wanted.add(n.trim().split("\\s+as\\s+")[0].trim());
                        }
                    }
                }
                for (String w : wanted) {
                    if (!exported.contains(w)) {
                        problems.add(ROOT.relativize(module) + " imports " + w + " from " + m.group(3)
                                + ", which does not export it");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theStrictContentSecurityPolicyHolds() throws IOException {
        String index = Files.readString(ROOT.resolve("index.html"));
        assertFalse(
                Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(index).find(),
                "index.html has an inline script");
        assertFalse(
                Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(index)
                        .find(),
                "index.html has an inline event handler");
        assertFalse(
                Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(index)
                        .find(),
                "index.html has an inline style");
        for (Path module : modules()) {
            String js = Files.readString(module);
            for (String banned : List.of(
                    "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
                assertFalse(js.contains(banned), module + " uses " + banned + ": pages are built from nodes only");
            }
        }
    }

    @Test
    void everyFileIndexHtmlLinksToIsServed() throws IOException {
        String index = Files.readString(ROOT.resolve("index.html"));
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"#:]+)\"").matcher(index);
        int checked = 0;
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("q/")) {
                continue; // the gateway's Swagger UI
            }
            boolean present = ref.startsWith("webjars/")
                    ? StaticAssetsTest.class.getClassLoader().getResource("META-INF/resources/" + ref) != null
                    : Files.isRegularFile(ROOT.resolve(ref));
            assertTrue(present, "index.html refers to " + ref + ", which is not served");
            checked++;
        }
        assertTrue(checked >= 4, "index.html should link its stylesheets, script and icon");
        assertTrue(index.contains(WEBJAR), "index.html should use govuk-frontend " + WEBJAR);
    }

    @Test
    void noGovUkBrandingIsUsed() throws IOException {
        String all = Files.readString(ROOT.resolve("index.html")) + Files.readString(ROOT.resolve("css/app.css"));
        for (Path module : modules()) {
            all += Files.readString(module);
        }
        assertFalse(all.contains("govuk-header__logotype"), "the crown logotype is for GOV.UK services only");
        assertFalse(all.contains("govuk-crest"), "the crest is for GOV.UK services only");
        assertTrue(
                Files.readString(ROOT.resolve("css/app.css")).contains("font-family: var(--app-font) !important"),
                "GDS Transport is for GOV.UK services only: the app sets its own font stack");
    }
}
