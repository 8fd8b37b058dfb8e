"""Initial schema: plans, sections, groups, items, targets, deadlines, units, assignments, periods, progress.

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 01:35:34.117347
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plans',
    sa.Column('commune', sa.String(length=200), nullable=False),
    sa.Column('plan_number', sa.String(length=100), nullable=False),
    sa.Column('plan_date', sa.Date(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('source_name', sa.String(length=500), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=True),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('period_basis', sa.String(length=10), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("period_basis IN ('calendar', 'decree09')", name=op.f('ck_plans_period_basis')),
    sa.CheckConstraint("period_kind IN ('month', 'quarter', 'half', 'year')", name=op.f('ck_plans_period_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('uuid', name=op.f('uq_plans_uuid'))
    )
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plans_source_sha256'), ['source_sha256'], unique=False)

    op.create_table('units',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('key', name=op.f('uq_units_key')),
    sa.UniqueConstraint('uuid', name=op.f('uq_units_uuid'))
    )
    op.create_table('periods',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('basis', sa.String(length=10), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('start <= "end"', name=op.f('ck_periods_range')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_periods_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_periods')),
    sa.UniqueConstraint('plan_id', 'kind', 'basis', 'start', name=op.f('uq_periods_plan_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_periods_uuid'))
    )
    with op.batch_alter_table('periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_periods_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_warnings',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_warnings_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_warnings')),
    sa.UniqueConstraint('uuid', name=op.f('uq_plan_warnings_uuid'))
    )
    with op.batch_alter_table('plan_warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_warnings_plan_id'), ['plan_id'], unique=False)

    op.create_table('sections',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('numeral', sa.String(length=10), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_sections_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sections')),
    sa.UniqueConstraint('uuid', name=op.f('uq_sections_uuid'))
    )
    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sections_plan_id'), ['plan_id'], unique=False)

    op.create_table('unit_aliases',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('spelling', sa.String(length=300), nullable=False),
    sa.Column('seen', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_aliases_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_aliases')),
    sa.UniqueConstraint('unit_id', 'spelling', name=op.f('uq_unit_aliases_unit_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_unit_aliases_uuid'))
    )
    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_aliases_unit_id'), ['unit_id'], unique=False)

    op.create_table('groups',
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_groups_section_id_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_groups')),
    sa.UniqueConstraint('uuid', name=op.f('uq_groups_uuid'))
    )
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_groups_section_id'), ['section_id'], unique=False)

    op.create_table('items',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('number_raw', sa.String(length=40), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source_line', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('indicator', 'task', 'document')", name=op.f('ck_items_kind')),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], name=op.f('fk_items_group_id_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_items_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_items_section_id_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_items')),
    sa.UniqueConstraint('uuid', name=op.f('uq_items_uuid'))
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_items_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_items_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_items_section_id'), ['section_id'], unique=False)

    op.create_table('assignments',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("role IN ('monitoring', 'implementing')", name=op.f('ck_assignments_role')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_assignments_item_id_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_assignments_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments')),
    sa.UniqueConstraint('item_id', 'unit_id', 'role', name=op.f('uq_assignments_item_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_assignments_uuid'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_unit_id'), ['unit_id'], unique=False)

    op.create_table('deadlines',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('date', 'ongoing', 'other')", name=op.f('ck_deadlines_kind')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_deadlines_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadlines')),
    sa.UniqueConstraint('item_id', name=op.f('uq_deadlines_item_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_deadlines_uuid'))
    )
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deadlines_due'), ['due'], unique=False)

    op.create_table('progress_reports',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=True),
    sa.Column('numerator', sa.String(length=40), nullable=True),
    sa.Column('denominator', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=True),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('reported_by', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IS NULL OR status IN ('not_started', 'in_progress', 'done', 'blocked')", name=op.f('ck_progress_reports_status')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_progress_reports_item_id_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['periods.id'], name=op.f('fk_progress_reports_period_id_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_progress_reports_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_reports')),
    sa.UniqueConstraint('item_id', 'unit_id', 'period_id', name=op.f('uq_progress_reports_item_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_progress_reports_uuid'))
    )
    with op.batch_alter_table('progress_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_reports_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_period_id'), ['period_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_progress_reports_unit_id'), ['unit_id'], unique=False)

    op.create_table('targets',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('order', sa.Integer(), nullable=False),
    sa.Column('op', sa.String(length=2), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('unit_kind', sa.String(length=10), nullable=False),
    sa.Column('unit', sa.String(length=50), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("op IN ('>=', '>', '=', '<=', '<')", name=op.f('ck_targets_op')),
    sa.CheckConstraint("unit_kind IN ('percent', 'index', 'count', 'none')", name=op.f('ck_targets_unit_kind')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_targets_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets')),
    sa.UniqueConstraint('uuid', name=op.f('uq_targets_uuid'))
    )
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_targets_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_targets_item_id'))

    op.drop_table('targets')
    with op.batch_alter_table('progress_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_reports_unit_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_period_id'))
        batch_op.drop_index(batch_op.f('ix_progress_reports_item_id'))

    op.drop_table('progress_reports')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadlines_due'))

    op.drop_table('deadlines')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_unit_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_item_id'))

    op.drop_table('assignments')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_items_section_id'))
        batch_op.drop_index(batch_op.f('ix_items_plan_id'))
        batch_op.drop_index(batch_op.f('ix_items_group_id'))

    op.drop_table('items')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_groups_section_id'))

    op.drop_table('groups')
    with op.batch_alter_table('unit_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_aliases_unit_id'))

    op.drop_table('unit_aliases')
    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sections_plan_id'))

    op.drop_table('sections')
    with op.batch_alter_table('plan_warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_warnings_plan_id'))

    op.drop_table('plan_warnings')
    with op.batch_alter_table('periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_periods_plan_id'))

    op.drop_table('periods')
    op.drop_table('units')
    with op.batch_alter_table('plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plans_source_sha256'))

    op.drop_table('plans')
