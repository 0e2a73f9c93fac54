package com.kehu.crm.marketing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignTaskRepository extends JpaRepository<CampaignTask, Long> {

    Optional<CampaignTask> findByIdAndCampaignId(long id, long campaignId);
}
