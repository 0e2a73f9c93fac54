package com.kehu.crm.support;

import org.springframework.data.jpa.repository.JpaRepository;

interface KbArticleRepository extends JpaRepository<KbArticle, Long> {}
