package dev.ao4j.lambda;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * {@code ao4j.lambda.*}: where the units' wallets come from in AWS. Each is the ARN (or name) of a Secrets
 * Manager secret whose string is the wallet's JWK; at start it is written to the unit's wallet file under the
 * data directory (Lambda's /tmp), so wallets never sit in Terraform state, variables or environment variables.
 */
@ConfigMapping(prefix = "ao4j.lambda")
public interface LambdaConfig {
    Optional<String> suWalletSecret();

    Optional<String> cuWalletSecret();

    Optional<String> muWalletSecret();
}
