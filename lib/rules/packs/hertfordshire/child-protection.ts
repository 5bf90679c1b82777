// Form section "Child protection": urgent protective action (Hertfordshire 3), a prompt written
// in hertfordshire.json.
import { fromPack } from '../../council/load';

export const childProtectionRules = [fromPack('prompt-urgent-action')];
