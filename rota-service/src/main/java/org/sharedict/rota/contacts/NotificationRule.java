package org.sharedict.rota.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** For pages of this urgency, use this method this many minutes after the person is paged. */
@Entity
@Table(name = "notification_rule")
public class NotificationRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Urgency urgency;

    @Column(name = "method_id", nullable = false)
    public long methodId;

    @Column(name = "delay_minutes", nullable = false)
    public int delayMinutes;
}
