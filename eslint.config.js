// Type-aware lint: the floating-promise rules are the reason this exists (an un-awaited write is lost work).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layersFile from './src/layers.json' with { type: 'json' };

// One block per folder of src/: importing a folder of the same or a higher layer is an error (src/layers.json;
// test/architecture/layers.test.ts checks the same on the resolved graph, dynamic imports included).
const { layers } = layersFile;
const layerRules = layers.flatMap((folders, rank) =>
  folders
    .filter((folder) => folder !== '(entries)')
    .map((folder) => {
      const above = layers
        .slice(rank)
        .flat()
        .filter((other) => other !== folder && other !== '(entries)');
      return {
        files: [`src/${folder}/**/*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  group: above.map((other) => `**/${other}/*`),
                  message: `${folder}/ may import only lower layers (src/layers.json)`,
                },
              ],
            },
          ],
        },
      };
    }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  ...layerRules,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
