import { withFacts, withoutFact } from '../../../model';
import { testRule } from '../../testing';
import { completeDerbyRecord as complete } from './fixtures';
import { derbyPack } from './index';

testRule(derbyPack, 'derby/genogram', [
  { name: 'genogram completed', record: complete, expect: 'met' },
  { name: 'genogram box left blank', record: withFacts(complete, { 'background.genogram': null }), expect: 'missing' },
  { name: 'genogram not ticked', record: withFacts(complete, { 'background.genogram': false }), expect: 'missing' },
  { name: 'background section not read yet', record: withoutFact(complete, 'background.genogram'), expect: 'unknown' },
]);
