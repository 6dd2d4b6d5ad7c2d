package org.sharedict.dr.invocations;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An activity of an invocation, in recovery order, as the plan had it when invoked. */
@Entity
@Table(name = "dr_invocation_activity")
public class InvocationActivity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invocation_id", nullable = false)
    public Long invocationId;

    @Column(nullable = false)
    public int position;

    @Column(name = "activity_key", nullable = false, length = 64)
    public String activityKey;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 32)
    public String category;

    @Column(nullable = false)
    public int tier;

    @Column(name = "rto_minutes", nullable = false)
    public int rtoMinutes;

    /** Keys of the activities this one needs, comma-separated. */
    @Column(name = "depends_on", nullable = false, columnDefinition = "TEXT")
    public String dependsOn;

    public static List<InvocationActivity> of(long invocationId) {
        return list("invocationId = ?1 order by position", invocationId);
    }
}
