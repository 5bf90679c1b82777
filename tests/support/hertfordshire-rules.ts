// The pack test harness, set up for Hertfordshire (imports vitest).
import { hertfordshirePack } from '../../lib/rules/packs/hertfordshire/index';
import { completeHertfordshireRecord } from '../fixtures/records/hertfordshire-records';
import { packTests } from './pack-tests';

export const { nothingRead, allBlank, testPrompt, testConditionalPrompt } = packTests(hertfordshirePack, completeHertfordshireRecord);
