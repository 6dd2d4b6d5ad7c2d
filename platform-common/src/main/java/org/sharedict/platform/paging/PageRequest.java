package org.sharedict.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import io.quarkus.panache.common.Sort;

import org.sharedict.platform.problem.ProblemException;

/**
 * Paging and sorting query parameters shared by every list endpoint:
 * {@code ?page=0&size=20&sort=name,-partner}. A leading '-' sorts descending. Use as a
 * {@code @BeanParam @Valid} parameter.
 */
public class PageRequest {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
    public int size;

    @QueryParam("sort")
    public String sort;

    public static PageRequest of(int page, int size, String sort) {
        PageRequest r = new PageRequest();
        r.page = page;
        r.size = size;
        r.sort = sort;
        return r;
    }

    /**
     * Translates the {@code sort} parameter into a Panache sort over entity properties.
     *
     * @param allowed     API sort key to entity property, e.g. {"name": "name", "partner": "partner.code"}
     * @param defaultSort used when the caller gives none, e.g. "name"
     * @param tieBreaker  property appended last so that pages are stable (usually "id")
     */
    public Sort toSort(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        Sort result = null;
        List<String> used = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String key = raw.trim();
            if (key.isEmpty()) {
                continue;
            }
            boolean desc = key.startsWith("-");
            if (desc) {
                key = key.substring(1);
            }
            String property = allowed.get(key);
            if (property == null) {
                throw ProblemException.invalid("sort", "cannot sort by '" + key + "'; use one of " + allowed.keySet());
            }
            used.add(property);
            Sort.Direction dir = desc ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(property, dir) : result.and(property, dir);
        }
        if (tieBreaker != null && !used.contains(tieBreaker)) {
            result = result == null ? Sort.by(tieBreaker) : result.and(tieBreaker);
        }
        return result;
    }
}
