import type { Rule } from '../../contracts/types.js';
import providerCredentials from './provider-credentials.js';
import hardcodedSecret from './hardcoded-secret.js';
import rdsHardcodedPassword from './rds-hardcoded-password.js';
import rdsStorageUnencrypted from './rds-storage-unencrypted.js';
import rdsPublic from './rds-public.js';
import rdsBackupDisabled from './rds-backup-disabled.js';
import rdsSkipFinalSnapshot from './rds-skip-final-snapshot.js';
import rdsDeletionProtectionOff from './rds-deletion-protection-off.js';
import rdsSingleAz from './rds-single-az.js';
import iamAdminPolicy from './iam-admin-policy.js';
import iamWildcardAction from './iam-wildcard-action.js';
import iamWildcardResource from './iam-wildcard-resource.js';
import iamUserAccessKey from './iam-user-access-key.js';
import s3PublicAcl from './s3-public-acl.js';
import s3PublicAccessBlockMissing from './s3-public-access-block-missing.js';
import s3CorsWildcardWrite from './s3-cors-wildcard-write.js';
import sgAdminPortOpen from './sg-admin-port-open.js';
import sgDatabasePortOpen from './sg-database-port-open.js';
import elasticacheAtRestUnencrypted from './elasticache-at-rest-unencrypted.js';
import elasticacheInTransitUnencrypted from './elasticache-in-transit-unencrypted.js';
import elasticacheSingleNode from './elasticache-single-node.js';
import ecsSecretInEnvironment from './ecs-secret-in-environment.js';
import ecsPlaceholderValue from './ecs-placeholder-value.js';
import ecsImageLatest from './ecs-image-latest.js';
import ecsRootUser from './ecs-root-user.js';
import ecsSingleTask from './ecs-single-task.js';
import ecrScanOnPushDisabled from './ecr-scan-on-push-disabled.js';
import ecrMutableTags from './ecr-mutable-tags.js';
import vpcFlowLogMissing from './vpc-flow-log-missing.js';
import cloudtrailMissing from './cloudtrail-missing.js';
import wafRateLimitMissing from './waf-rate-limit-missing.js';
import albHttpListener from './alb-http-listener.js';
import albOldTlsPolicy from './alb-old-tls-policy.js';
import cloudfrontHttpAllowed from './cloudfront-http-allowed.js';
import cloudfrontOldTls from './cloudfront-old-tls.js';
import cloudfrontCacheUnreviewed from './cloudfront-cache-unreviewed.js';
import elbHttpListener from './elb-http-listener.js';
import iamServiceWildcard from './iam-service-wildcard.js';
import sgServicePortOpen from './sg-service-port-open.js';

/** Rules of the `tf-aws` domain (Terraform, AWS provider). */
export const rules: Rule<any>[] = [
  providerCredentials,
  hardcodedSecret,
  rdsHardcodedPassword,
  rdsStorageUnencrypted,
  rdsPublic,
  rdsBackupDisabled,
  rdsSkipFinalSnapshot,
  rdsDeletionProtectionOff,
  rdsSingleAz,
  iamAdminPolicy,
  iamWildcardAction,
  iamWildcardResource,
  iamUserAccessKey,
  s3PublicAcl,
  s3PublicAccessBlockMissing,
  s3CorsWildcardWrite,
  sgAdminPortOpen,
  sgDatabasePortOpen,
  elasticacheAtRestUnencrypted,
  elasticacheInTransitUnencrypted,
  elasticacheSingleNode,
  ecsSecretInEnvironment,
  ecsPlaceholderValue,
  ecsImageLatest,
  ecsRootUser,
  ecsSingleTask,
  ecrScanOnPushDisabled,
  ecrMutableTags,
  vpcFlowLogMissing,
  cloudtrailMissing,
  wafRateLimitMissing,
  albHttpListener,
  albOldTlsPolicy,
  cloudfrontHttpAllowed,
  cloudfrontOldTls,
  cloudfrontCacheUnreviewed,
  elbHttpListener,
  iamServiceWildcard,
  sgServicePortOpen,
];
