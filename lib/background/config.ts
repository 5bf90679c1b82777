/**
 * Works out what is in force from the user's settings and the organisation's policy,
 * keeping the last good field map and holiday feed when a new one is bad.
 */
import { effectiveSettings, type EffectiveSettings } from '../settings';
import { validateFieldMap, validateFieldMapText } from '../adapters/field-map-schema';
import type { FieldMap } from '../adapters/field-map-schema';
import bundledMap from '../adapters/maps/lcs-demo.json';
import { parseHolidayFeed, bundledHolidayDates } from '../calendar';
import type { SchemaProblem } from '../model';

export interface ActiveConfig extends EffectiveSettings {
  fieldMap: FieldMap;
  fieldMapSource: 'bundled' | 'imported' | 'policy';
  fieldMapProblems: SchemaProblem[];
  holidayDates: readonly string[];
  holidaySource: 'bundled' | 'imported' | 'policy';
  holidayProblems: SchemaProblem[];
}

export function bundledFieldMap(): FieldMap {
  const result = validateFieldMap(bundledMap);
  if (!result.ok) throw new Error('the bundled field map is invalid');
  return result.map;
}

export function activeConfig(local: unknown, managed: unknown, lastGoodMap?: FieldMap): ActiveConfig {
  const effective = effectiveSettings(local, managed);
  const { settings, locked } = effective;
  let fieldMap = bundledFieldMap();
  let fieldMapSource: ActiveConfig['fieldMapSource'] = 'bundled';
  const fieldMapProblems: SchemaProblem[] = [];
  if (settings.fieldMap !== undefined) {
    // Text here is policy JSON that did not parse: said as such.
    const result = typeof settings.fieldMap === 'string' ? validateFieldMapText(settings.fieldMap) : validateFieldMap(settings.fieldMap);
    if (result.ok) {
      fieldMap = result.map;
      fieldMapSource = locked.includes('fieldMap') ? 'policy' : 'imported';
    } else {
      fieldMapProblems.push(...result.errors.map((e) => ({ path: e.path, message: e.message })));
      // A bad new map never replaces the one in use: the last good map stays.
      if (lastGoodMap) {
        fieldMap = lastGoodMap;
        fieldMapSource = 'imported';
      }
    }
  }
  let holidayDates: readonly string[] = bundledHolidayDates;
  let holidaySource: ActiveConfig['holidaySource'] = 'bundled';
  const holidayProblems: SchemaProblem[] = [];
  if (settings.holidayFeed !== undefined) {
    const feed = parseHolidayFeed(settings.holidayFeed);
    if (feed.ok) {
      holidayDates = feed.holidays.map((h) => h.date);
      holidaySource = locked.includes('holidayFeed') ? 'policy' : 'imported';
    } else {
      holidayProblems.push(...feed.errors.map((e) => ({ path: e.path, message: e.message })));
    }
  }
  return { ...effective, fieldMap, fieldMapSource, fieldMapProblems, holidayDates, holidaySource, holidayProblems };
}
