// The pack test harness, set up for Derby (imports vitest).
import { derbyPack } from '../../lib/rules/packs/derby/index';
import { completeDerbyRecord } from '../fixtures/records/derby-records';
import { packTests } from './pack-tests';

export const { nothingRead, allBlank, testPrompt, testConditionalPrompt } = packTests(derbyPack, completeDerbyRecord);
