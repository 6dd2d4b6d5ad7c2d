package org.sharedict.skills.taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.OptimisticLock;

/** A skill someone can hold: a stable code, a name, the other names people use for it. */
@Entity
public class Skill extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public SkillCategory category;

    @Column(name = "sfia_code", length = 8)
    public String sfiaCode;

    @OneToMany(mappedBy = "skill", cascade = CascadeType.ALL, orphanRemoval = true)
    @BatchSize(size = 100)
    // The skill's own updatedAt changes with its aliases, which bumps the version once per edit.
    @OptimisticLock(excluded = true)
    @OrderBy("position")
    public List<SkillAlias> aliases = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Skill> findByCode(String code) {
        return find("code", code.toUpperCase()).firstResultOptional();
    }

    public List<String> aliasNames() {
        return aliases.stream().map(a -> a.alias).toList();
    }
}
