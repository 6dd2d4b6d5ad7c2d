package org.sharedict.rota.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The number a phone replies with to act on one outstanding incident ("1a"). */
@Entity
@Table(name = "sms_reply")
public class SmsReply extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 20)
    public String phone;

    @Column(nullable = false)
    public int number;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
