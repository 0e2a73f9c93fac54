package com.kehu.crm.marketing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignMemberRepository extends JpaRepository<CampaignMember, Long> {

    Optional<CampaignMember> findByIdAndCampaignId(long id, long campaignId);

    List<CampaignMember> findByCampaignIdAndIdIn(long campaignId, Collection<Long> ids);

    boolean existsByCampaignId(long campaignId);
}
