export {
  createTestDatabase,
  restartEmbeddedServer,
  testServerUrl,
  type TestDatabase,
} from './test-database';
