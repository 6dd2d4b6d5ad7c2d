package org.sharedict.skills.aid.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The partnership agreement on mutual aid: what an hour of help costs, and who may say yes to a request. */
@Entity
@Table(name = "aid_agreement")
public class Agreement extends PanacheEntityBase {

    public static final long ID = 1L;

    public enum RateBasis {
        HOUR,
        DAY
    }

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "rate_basis", nullable = false, length = 8)
    public RateBasis rateBasis;

    /** One rate for every partner (per hour or per day); when null, each partner's own rate. */
    @Column(name = "flat_rate_pence")
    public Long flatRatePence;

    @Column(name = "minutes_per_day", nullable = false)
    public int minutesPerDay;

    @Column(name = "out_of_hours_multiplier", nullable = false, precision = 4, scale = 2)
    public BigDecimal outOfHoursMultiplier;

    @Column(name = "agency_day_rate_pence", nullable = false)
    public long agencyDayRatePence;

    @Column(nullable = false)
    public boolean netting;

    @Column(name = "direct_accept_urgent", nullable = false)
    public boolean directAcceptUrgent;

    @Column(name = "direct_accept_out_of_hours", nullable = false)
    public boolean directAcceptOutOfHours;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "aid_partner_rate", joinColumns = @JoinColumn(name = "agreement_id"))
    @MapKeyColumn(name = "partner", length = 16)
    @Column(name = "rate_pence", nullable = false)
    public Map<String, Long> partnerRates = new TreeMap<>();

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 120)
    public String updatedBy;
}
