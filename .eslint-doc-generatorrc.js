/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions'],
  ruleListSplit: 'meta.docs.category',
  urlConfigs: 'https://github.com/eslint-plugin-hardening/eslint-plugin-hardening#configs',
};

export default config;
