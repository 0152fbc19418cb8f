/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['type-checked', '🔬'],
  ],
  // type-checked holds every rule (strict plus typescript-eslint's type-aware rules): a column of
  // ticks in every row would say nothing.
  ignoreConfig: ['type-checked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions'],
  ruleListSplit: 'meta.docs.category',
  urlConfigs: 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening#configs',
};

export default config;
