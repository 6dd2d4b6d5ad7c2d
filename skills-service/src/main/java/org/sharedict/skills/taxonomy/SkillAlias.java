package org.sharedict.skills.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Another name for a skill ("MS SQL" for SQL Server); {@code aliasKey} is its folded form, unique. */
@Entity
@Table(name = "skill_alias")
public class SkillAlias extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "skill_id")
    public Skill skill;

    @Column(nullable = false, length = 200)
    public String alias;

    @Column(name = "alias_key", nullable = false, unique = true, length = 200)
    public String aliasKey;

    @Column(nullable = false)
    public int position;
}
