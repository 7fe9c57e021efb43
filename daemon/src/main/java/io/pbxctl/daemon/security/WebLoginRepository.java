package io.pbxctl.daemon.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Logins by name and by the person they belong to. */
public interface WebLoginRepository extends JpaRepository<WebLogin, Long> {

    Optional<WebLogin> findByUsername(String username);

    Optional<WebLogin> findByUserId(Long userId);
}
