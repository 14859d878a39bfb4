/** Helpers shared by the compose/* rules. */
import { dirname as dirOf } from '../../lib/paths.js';
import type { ComposeFact, ComposeService } from '../../facts/compose.js';
import { SHARED } from '../../contracts/types.js';

export interface ServiceGroup {
  /** Where to report an absence: the service in the base (shared) file when there is one. */
  primary: { fact: ComposeFact; service: ComposeService };
  /** Every definition of the service across the files compose merges (same directory). */
  all: { fact: ComposeFact; service: ComposeService }[];
}

/**
 * Services grouped across the compose files of one directory (`docker-compose.yml` +
 * `docker-compose.prod.yml` are merged by `docker compose -f … -f …`): a setting made in any of
 * them counts for the service.
 */
export function serviceGroups(facts: readonly ComposeFact[]): ServiceGroup[] {
  const groups = new Map<string, ServiceGroup>();
  for (const fact of facts) {
    for (const service of fact.services) {
      const key = `${dirOf(fact.file)}\u0000${service.name}`;
      const g = groups.get(key);
      if (!g) groups.set(key, { primary: { fact, service }, all: [{ fact, service }] });
      else {
        g.all.push({ fact, service });
        if (fact.environment === SHARED && g.primary.fact.environment !== SHARED) g.primary = { fact, service };
      }
    }
  }
  return [...groups.values()];
}

/** Well-known database / cache / broker ports. */
export const DATA_PORTS: Record<number, string> = {
  5432: 'PostgreSQL',
  3306: 'MySQL / MariaDB',
  33060: 'MySQL X Protocol',
  27017: 'MongoDB',
  27018: 'MongoDB',
  27019: 'MongoDB',
  6379: 'Redis',
  6380: 'Redis',
  26379: 'Redis Sentinel',
  11211: 'Memcached',
  9200: 'Elasticsearch / OpenSearch',
  9300: 'Elasticsearch transport',
  5984: 'CouchDB',
  1433: 'SQL Server',
  1521: 'Oracle',
  9042: 'Cassandra',
  8086: 'InfluxDB',
  7474: 'Neo4j',
  7687: 'Neo4j Bolt',
  5672: 'RabbitMQ',
  15672: 'RabbitMQ management',
  9092: 'Kafka',
  2181: 'ZooKeeper',
  26257: 'CockroachDB',
  8529: 'ArangoDB',
  28015: 'RethinkDB',
  8123: 'ClickHouse HTTP',
  9000: 'ClickHouse / MinIO',
};

/** Database images whose every published port is a data port. */
export const DATA_IMAGES = /(^|\/)(redislabs\/[\w-]+|redpanda|redpandadata\/[\w-]+|dragonflydb\/dragonfly|scylladb\/scylla|questdb|nats|qdrant|meilisearch|typesense|solr|etcd|postgres|postgresql|postgis|timescaledb|mysql|mariadb|percona|mongo|mongodb|redis|valkey|keydb|memcached|elasticsearch|opensearch|couchdb|mssql|cassandra|influxdb|neo4j|rabbitmq|kafka|zookeeper|cockroach|arangodb|rethinkdb|clickhouse|minio)([:/@-]|$)/i;

/** Root password / admin password variables of database images. */
export const DB_PASSWORD_KEYS = new Set([
  'POSTGRES_PASSWORD', 'PGPASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MARIADB_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD', 'MONGODB_ROOT_PASSWORD', 'MONGODB_PASSWORD', 'REDIS_PASSWORD', 'RABBITMQ_DEFAULT_PASS', 'ELASTIC_PASSWORD',
  'MSSQL_SA_PASSWORD', 'SA_PASSWORD', 'COUCHDB_PASSWORD', 'INFLUXDB_ADMIN_PASSWORD', 'DOCKER_INFLUXDB_INIT_PASSWORD', 'MINIO_ROOT_PASSWORD',
  'DB_PASSWORD', 'DATABASE_PASSWORD', 'POSTGRESQL_PASSWORD', 'MYSQL_PASS', 'CLICKHOUSE_PASSWORD', 'ARANGO_ROOT_PASSWORD', 'NEO4J_PASSWORD',
]);
