/**
 * Plurals by CLDR rules, through `Intl.PluralRules`: Belarusian and Russian have one, few, many
 * and other ("1 публікацыя", "3 публікацыі", "37 публікацый", "1,5 публікацыі"), English one and
 * other. A catalog gives the forms its language has; `#` stands for the number.
 */
export type PluralForms = {
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
};

/** Declares a message as plural forms (only to type it so in the English catalog). */
export const plural = (forms: PluralForms): PluralForms => forms;

const rules = new Map<string, Intl.PluralRules>();

export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return rule.select(count);
}

/** The form for `count`, with `#` replaced by the number as `formatNumber` writes it. */
export function selectPlural(
  locale: string,
  count: number,
  forms: PluralForms,
  formatNumber: (value: number) => string,
): string {
  const form = forms[pluralCategory(locale, count)] ?? forms.other;
  return form.replace('#', formatNumber(count));
}
