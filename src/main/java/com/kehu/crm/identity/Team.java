package com.kehu.crm.identity;

import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** A sales team. Its manager sees the records its members own. */
@Entity
@Table(name = "team")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Team extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "manager_id")
    private @Nullable Long managerId;

    Team(String name) {
        Assert.hasText(name, "name must not be empty");
        this.name = name.strip();
    }

    void appointManager(@Nullable Long userId) {
        this.managerId = userId;
    }
}
