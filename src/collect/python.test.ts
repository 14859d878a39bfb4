import { test } from 'node:test';
import assert from 'node:assert/strict';
import collector from './python.js';
import type { PythonFact } from '../facts/python/types.js';
import type { SourceFile } from '../contracts/types.js';
import { text } from '../testing/harness.js';

async function collect(path: string, content: string, environment = 'shared', files: SourceFile[] = []): Promise<{ fact: PythonFact; secrets: string[] }> {
  const secrets: string[] = [];
  const file: SourceFile = { path, content, kind: 'python', environment, gitIgnored: false };
  const fact = (await collector.collect(file, { environment: 'production', files: [file, ...files], customEnvs: [], registerSecret: (v) => secrets.push(v) })) as PythonFact;
  return { fact, secrets };
}

test('python collector: every env-read form, with defaults, positions and UTF-16 columns', async () => {
  const { fact } = await collect(
    'settings.py',
    text(
      'import os',
      'from os import environ, getenv',
      'import environ as djenv',
      'from decouple import config, Csv',
      'env = djenv.Env(DEBUG=(bool, False))',
      "A = os.environ['DATABASE_URL']",
      "B = os.environ.get('B', 'bee')",
      "C = getenv('C')",
      "D = environ.get('D') or 'fallback'",
      "E = os.environ.setdefault('E', '5')",
      "F = env('DEBUG')",
      "G = env.str('G', default='g')",
      "H = config('H', default=True, cast=bool)",
      "I = config('I', cast=Csv())",
      "説明 = '日本語'; J = os.getenv('J', 3)",
    ),
  );
  const reads = fact.envReads.map((r) => `${r.name} ${r.via} ${r.hasDefault}${r.defaultValue !== undefined ? ' ' + r.defaultValue : ''} ${r.line}:${r.column}`);
  assert.deepEqual(reads, [
    'DATABASE_URL os.environ[] false 6:5',
    'B os.environ.get true bee 7:5',
    'C os.getenv false 8:5',
    'D os.environ.get true fallback 9:5',
    'E os.environ.setdefault true 5 10:5',
    'DEBUG django-environ true False 11:5',
    'G django-environ true g 12:5',
    'H decouple.config true True 13:5',
    'I decouple.config false 14:5',
    'J os.getenv true 3 15:17',
  ]);
});

test('python collector: values resolve to what production gets when variables are missing', async () => {
  const { fact } = await collect(
    'config.py',
    text(
      'import os',
      "DEBUG = os.environ.get('DEBUG', 'False').lower() in ('true', '1')",
      "STR = os.environ.get('DEBUG', 'False')",
      "N = int(os.environ.get('WORKERS', '4')) * 2",
      "HOSTS = os.environ.get('HOSTS', 'a,b').split(',')",
      "REQ = os.environ['REQ']",
      "NONE = os.environ.get('X')",
      "COND = 'x' if os.environ.get('P') else 'y'",
      "BASE = 'sqlite:///'",
      "URI = os.environ.get('DATABASE_URL') or BASE + 'app.db'",
    ),
  );
  const v = Object.fromEntries(fact.assignments.map((a) => [a.key, a.value]));
  assert.equal(v.DEBUG!.resolved, false);
  assert.equal(v.STR!.resolved, 'False');
  assert.equal(v.N!.resolved, 8);
  assert.deepEqual(v.HOSTS!.resolved, ['a', 'b']);
  assert.equal(v.REQ!.resolved, undefined);
  assert.equal(v.NONE!.resolved, null);
  assert.equal(v.COND!.resolved, 'y');
  assert.equal(v.URI!.resolved, 'sqlite:///app.db');
  assert.deepEqual(v.URI!.envNames, ['DATABASE_URL']);
  assert.equal(v.BASE!.envNames, undefined);
});

test('python collector: config classes inherit within the file; environments follow class names and if branches', async () => {
  const { fact } = await collect(
    'config.py',
    text(
      'import os',
      'class Config:',
      "    SECRET_KEY = 'x'",
      '    A = 1',
      'class ProductionConfig(Config):',
      '    A = 2',
      'class HerokuConfig(ProductionConfig):',
      '    pass',
      'class DevelopmentConfig(Config):',
      '    DEBUG = True',
      "if os.environ.get('FLASK_ENV') == 'production':",
      '    B = 1',
      'else:',
      '    B = 2',
      'if app.debug:',
      '    C = 1',
    ),
  );
  const rows = fact.assignments.map((a) => `${a.className ?? '-'}${a.inheritedFrom ? '<' + a.inheritedFrom : ''}.${a.key}@${a.line} ${a.environment}${a.shadowedFor ? ' shadowed:' + a.shadowedFor.join(',') : ''}`);
  assert.deepEqual(rows.sort(), [
    '-.B@12 production',
    '-.B@14 development',
    '-.C@16 development',
    'Config.A@4 shared shadowed:production,development',
    'Config.SECRET_KEY@3 shared shadowed:production,development',
    'DevelopmentConfig.DEBUG@10 development',
    'DevelopmentConfig<Config.A@4 development',
    'DevelopmentConfig<Config.SECRET_KEY@3 development',
    'HerokuConfig<Config.SECRET_KEY@3 production',
    'ProductionConfig.A@6 production',
    'ProductionConfig<Config.SECRET_KEY@3 production',
  ].sort());
});

test('python collector: app.config forms, app attributes, calls with kwargs and the main guard', async () => {
  const { fact } = await collect(
    'app.py',
    text(
      'from flask import Flask',
      'from flask_talisman import Talisman',
      'app = Flask(__name__)',
      "app.config['A'] = 1",
      'app.config.update(B=2, C={"x": 1})',
      "app.config.update({'D': 4})",
      "app.config.from_mapping(E='e')",
      "app.config.setdefault('F', False)",
      "app.secret_key = 'k' * 3",
      'Talisman(app, force_https=False, **extra)',
      'if __name__ == "__main__":',
      '    app.run(debug=True)',
    ),
  );
  assert.deepEqual(fact.assignments.filter((a) => a.via !== 'module').map((a) => `${a.key}:${a.via}`), ['A:config-item', 'B:config-update', 'C:config-update', 'D:config-update', 'E:config-mapping', 'F:config-setdefault', 'SECRET_KEY:app-attribute']);
  assert.deepEqual(fact.flaskApps, ['app']);
  const tal = fact.calls.find((c) => c.name === 'Talisman')!;
  assert.equal(tal.kwargs.force_https!.resolved, false);
  assert.equal(tal.spread, true);
  const run = fact.calls.find((c) => c.callee === 'app.run')!;
  assert.equal(run.inMainGuard, true);
  assert.equal(fact.hasMainGuard, true);
  assert.ok(fact.imports.includes('flask') && fact.imports.includes('flask_talisman'));
});

test('python collector: literal assignments cover names, attributes, dict keys, keywords, defaults, env fallbacks; secrets are registered', async () => {
  const strong = 'kP9vQ2mX7rL4tN8wZ1bC6dF3';
  const { fact, secrets } = await collect(
    'svc.py',
    text(
      'import os',
      `API_KEY = '${strong}'`,
      "self.password = 'changeme'",
      "DATABASES = {'default': {'PASSWORD': 'p4ss-w0rd-9x'}}",
      "connect(token='t0k3n-abcdef')",
      "def login(user, password='hunter2-xyz'): pass",
      "TOKEN = os.environ.get('GH_TOKEN', 'ghp_fallback_123')",
      "URL = 'postgres://u:S3cretPw@db.example.com/app'",
    ),
  );
  assert.deepEqual(fact.literalAssignments.map((l) => `${l.how} ${l.name} ${l.key}`), [
    'assign API_KEY API_KEY',
    'attribute self.password password',
    "dict-key DATABASES['default']['PASSWORD'] PASSWORD",
    'keyword connect(token=) token',
    'parameter login(password) password',
    "env-default os.environ.get('GH_TOKEN') GH_TOKEN",
    'assign URL URL',
  ]);
  for (const s of [strong, 'p4ss-w0rd-9x', 't0k3n-abcdef', 'hunter2-xyz', 'ghp_fallback_123', 'S3cretPw']) assert.ok(secrets.includes(s), s);
  assert.ok(!secrets.includes('changeme'));
});

test('python collector: error handlers, view except blocks, uploads', async () => {
  const { fact } = await collect(
    'views.py',
    text(
      'import traceback',
      'from flask import request',
      '@app.errorhandler(500)',
      'def e500(e):',
      '    return traceback.format_exc(), 500',
      "@bp.route('/u', methods=['POST'])",
      'def upload():',
      "    f = request.files['f']",
      '    try:',
      "        f.save('/data/' + f.filename)",
      '    except OSError as err:',
      "        return {'error': err.args}, 500",
    ),
  );
  assert.deepEqual(fact.errorHandlers.map((h) => `${h.kind} ${h.function} ${h.exposures.map((x) => x.kind + '@' + x.line).join(',')}`), ['errorhandler e500 traceback@5', 'except upload e.args@12']);
  assert.deepEqual(fact.fileUploads.map((u) => u.line), [8]);
  assert.deepEqual(fact.fileSaves.map((s) => `${s.line} ${s.rawFilename}`), ['10 true']);
});

test('python collector: Django settings lists, local.py is development, gunicorn config files', async () => {
  const base = text('INSTALLED_APPS = [', "    'django.contrib.admin',", ']', "MIDDLEWARE = ['a.B', *EXTRA]");
  const { fact } = await collect('proj/settings/base.py', base);
  assert.deepEqual(fact.django?.installedApps?.items.map((i) => `${i.value}@${i.line}:${i.column}`), ['django.contrib.admin@2:5']);
  assert.equal(fact.django?.middleware?.open, true);
  const siblings: SourceFile[] = [{ path: 'proj/settings/base.py', content: base, kind: 'python', environment: 'shared', gitIgnored: false }];
  const local = await collect('proj/settings/local.py', text('from .base import *', "MIDDLEWARE += ['debug_toolbar.middleware.DebugToolbarMiddleware']"), 'shared', siblings);
  assert.equal(local.fact.environment, 'development');
  assert.equal(local.fact.django?.middleware?.extends, true);
  assert.deepEqual(local.fact.django?.starImports, ['.base']);
  const notDjango = await collect('app/settings.py', text('class Settings(BaseSettings):', '    debug: bool = False'));
  assert.equal(notDjango.fact.django, undefined);
  const g = await collect('gunicorn.conf.py', text('workers = 3'));
  assert.equal(g.fact.gunicornConfig, true);
});

test('python collector: pydantic BaseSettings fields are env reads with their defaults', async () => {
  const { fact } = await collect(
    'app/core/config.py',
    text(
      'from pydantic import Field',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      'class Settings(BaseSettings):',
      "    model_config = SettingsConfigDict(env_prefix='APP_')",
      '    debug: bool = False',
      '    secret_key: str',
      "    db_url: str = Field('sqlite:///x.db', alias='DATABASE_URL')",
    ),
  );
  assert.deepEqual(fact.envReads.map((r) => `${r.name} ${r.hasDefault} ${r.defaultValue ?? ''}`), ['APP_DEBUG true False', 'APP_SECRET_KEY false ', 'DATABASE_URL true sqlite:///x.db']);
});

test('python collector: a syntax error keeps what parses and names the error; an unusable file is an empty fact with its error', async () => {
  const { fact } = await collect('app.py', text('import os', "DEBUG = os.environ.get('DEBUG', 'on')", 'def broken(:', '    pass', "SECRET = 'abc'"));
  assert.ok(fact.syntaxErrors > 0);
  assert.ok(fact.assignments.some((a) => a.key === 'DEBUG' && a.value.resolved === 'on'));
  assert.equal(fact.parseError?.line, 3);
  assert.match(fact.parseError!.message, /^Python syntax error/);
  const { fact: bad } = await collect('notpython.py', '<<<<<<< HEAD\n}{][)( os.environ\n>>>>>>> other\n@@@ ### $$$\n');
  assert.equal(bad.parseError?.unparsed, true);
  assert.equal(typeof bad.parseError?.line, 'number');
  assert.deepEqual([bad.assignments.length, bad.calls.length, bad.envReads.length], [0, 0, 0]);
  const { fact: clean } = await collect('ok.py', text('DEBUG = False'));
  assert.equal(clean.parseError, undefined);
});

test('python collector: env reads carry guarded / devOnly / alternatives / environment for the env contract', async () => {
  const { fact } = await collect(
    'config.py',
    text(
      'import os',
      "DEBUG = os.environ.get('DEBUG', '').lower() == 'true'",
      "if os.getenv('SENTRY_DSN'):",
      '    init_sentry()',
      "URL = os.environ.get('DATABASE_URL') or os.environ.get('POSTGRES_URL')",
      "FLAG = os.environ['STRICT'] == '1'",
      'class DevelopmentConfig:',
      "    MAIL = os.environ.get('MAIL_SERVER')",
      'if __name__ == "__main__":',
      "    port = int(os.environ.get('PORT'))",
    ),
  );
  const rows = fact.envReads.map((r) => `${r.name} default=${r.hasDefault}${r.guarded ? ' guarded' : ''}${r.devOnly ? ' devOnly' : ''}${r.alternatives ? ' alt=' + r.alternatives.join(',') : ''}${r.environment ? ' env=' + r.environment : ''}`);
  assert.deepEqual(rows, [
    'DEBUG default=true guarded',
    'SENTRY_DSN default=true guarded',
    'DATABASE_URL default=true',
    'POSTGRES_URL default=false alt=DATABASE_URL',
    'STRICT default=false',
    'MAIL_SERVER default=false env=development',
    'PORT default=false devOnly',
  ]);
});

test('python collector: a read inside an `or` chain has the chain as its fallback', async () => {
  const { fact } = await collect('app.py', text('import os', "name = config_name or os.environ.get('FLASK_ENV') or 'default'", "x = (os.getenv('A') or os.getenv('B')) or 'z'"));
  assert.deepEqual(fact.envReads.map((r) => `${r.name} ${r.hasDefault} ${r.defaultValue ?? ''}`.trim()), ['FLASK_ENV true default', 'A true', 'B true z']);
});

test('python collector: a file no rule can use is not parsed (an empty, skimmed fact); files rules read by name always are', async () => {
  const model = text('from django.db import models', '', 'class Site(models.Model):', "    name = models.CharField(max_length=100, default='x')", '    def __str__(self):', '        return self.name');
  const { fact } = await collect('dcim/models/sites.py', model);
  assert.equal(fact.skimmed, true);
  assert.deepEqual([fact.assignments.length, fact.calls.length, fact.imports.length], [0, 0, 0]);
  // A syntax error in a skimmed file is not reported: honban is not a Python linter.
  const { fact: broken } = await collect('dcim/views.py', 'def broken(:\n    pass\n');
  assert.deepEqual([broken.skimmed, broken.parseError], [true, undefined]);
  // Each kind of word makes the file worth parsing.
  for (const line of ["import flask", "x = os.environ['X']", "API_TOKEN = 'abc'", "URL = 'postgres://u:p@h/db'", "class ProductionConfig:", "workers = 4", "SENTRY_DSN = 'x'", "app = create_app()"]) {
    const { fact: f } = await collect('pkg/mod.py', text(line));
    assert.equal(f.skimmed, undefined, line);
  }
  // Read by name whatever their text: Flask config modules, gunicorn configuration, Django settings.
  for (const p of ['config.py', 'app/prod_settings.py', 'gunicorn.conf.py']) assert.equal((await collect(p, text('X = 1'))).fact.skimmed, undefined, p);
  const settings: SourceFile[] = [
    { path: 'proj/settings/base.py', content: 'INSTALLED_APPS = []\n', kind: 'python', environment: 'shared', gitIgnored: false },
    { path: 'proj/settings/prod.py', content: 'X = 1\n', kind: 'python', environment: 'production', gitIgnored: false },
  ];
  assert.equal((await collect('proj/settings/prod.py', 'X = 1\n', 'production', settings)).fact.skimmed, undefined);
  // exhaustive: every file parsed (how tests prove the check loses no finding)
  const r = await collector.collect({ path: 'dcim/models/sites.py', content: model, kind: 'python', environment: 'shared', gitIgnored: false }, { environment: 'production', files: [], customEnvs: [], registerSecret() {}, exhaustive: true });
  assert.equal((r as PythonFact).skimmed, undefined);
  assert.deepEqual((r as PythonFact).imports, ['django']);
});
